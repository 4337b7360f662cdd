/**
 * The Docker Hub client: {@link io.github.hubsdk.client.DockerHubClient} and its operation groups,
 * {@link io.github.hubsdk.client.Credentials} and {@link io.github.hubsdk.client.RetryPolicy}. Results
 * are the generated models of {@code io.github.hubsdk.openapi.model}.
 */
package io.github.hubsdk.client;
