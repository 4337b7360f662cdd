/**
 * Lazy pagination over Docker Hub's list operations: {@link io.github.hubsdk.client.paging.Paginator}
 * iterates items or pages of both page shapes (linked {@code {count,next,previous,results}} and
 * numbered {@code {logs}}).
 */
package io.github.hubsdk.client.paging;
