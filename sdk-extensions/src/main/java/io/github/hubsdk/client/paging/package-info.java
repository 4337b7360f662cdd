/**
 * Lazy pagination over Docker Hub's list operations: {@link io.github.hubsdk.client.paging.Paginator}
 * iterates items or pages of both page shapes (linked {@code {count,next,previous,results}} and
 * numbered {@code {logs}}), one page at a time or, opt-in with
 * {@link io.github.hubsdk.client.paging.Paginator#parallelism(int)}, several pages concurrently.
 */
package io.github.hubsdk.client.paging;
