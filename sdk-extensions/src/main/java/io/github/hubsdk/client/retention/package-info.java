/**
 * Tag retention: a {@link io.github.hubsdk.client.retention.RetentionPolicy} becomes a
 * {@link io.github.hubsdk.client.retention.RetentionPlan} (what would be deleted and why, computed from a complete
 * listing), which {@link io.github.hubsdk.client.retention.Retention#apply} applies, failing closed.
 */
package io.github.hubsdk.client.retention;
