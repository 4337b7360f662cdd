/**
 * The exceptions of the Docker Hub client: one hierarchy rooted at
 * {@link io.github.hubsdk.client.error.DockerHubException}, decoded from every error body shape of the
 * API, plus {@link io.github.hubsdk.client.error.InvalidRequestException} for arguments rejected before
 * any request is sent.
 */
package io.github.hubsdk.client.error;
