package io.github.hubsdk.benchmarks;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.model.ImagePage;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The calls every overhead benchmark measures, once through {@link DockerHubClient} and once through the
 * {@link Baseline} ({@code java.net.http} + Jackson). Subclasses say what answers them (an in-process
 * emulator, a canned-answer server in another process) and log both clients in; JMH runs these methods as
 * the subclass's own benchmarks.
 */
public abstract class OverheadCalls {

  DockerHubClient sdk;
  Baseline baseline;
  UUID tokenId;

  /**
   * {@code GET /v2/access-tokens/{uuid}} through the SDK.
   *
   * @return the token
   */
  @Benchmark
  public AccessToken sdkGetAccessToken() {
    return sdk.accessTokens().get(tokenId);
  }

  /**
   * The same call through the baseline.
   *
   * @return the token
   */
  @Benchmark
  public AccessToken baselineGetAccessToken() {
    return baseline.getAccessToken(tokenId);
  }

  /**
   * One page of 100 images through the SDK's paginator.
   *
   * @return the page
   */
  @Benchmark
  public Page<Image> sdkListImagesPage() {
    return sdk.images(Fixture.USER, Fixture.REPO).list().firstPage();
  }

  /**
   * The same page through the baseline.
   *
   * @return the page
   */
  @Benchmark
  public ImagePage baselineListImagesPage() {
    return baseline.listImages(Fixture.USER, Fixture.REPO, 1, 100);
  }
}
