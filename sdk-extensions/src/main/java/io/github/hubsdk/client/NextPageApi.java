package io.github.hubsdk.client;

import feign.Headers;
import feign.RequestLine;
import io.github.hubsdk.openapi.ApiClient;
import io.github.hubsdk.openapi.model.AccessTokenPage;
import io.github.hubsdk.openapi.model.ImagePage;
import io.github.hubsdk.openapi.model.ImageTagPage;
import java.net.URI;

/**
 * Requests a page's {@code next} link exactly as the server sent it (Feign takes a {@link URI} argument
 * as the whole target). Method names are the list operations' ids, so errors name the operation.
 */
interface NextPageApi extends ApiClient.Api {

  @RequestLine("GET")
  @Headers("Accept: application/json")
  AccessTokenPage listAccessTokens(URI next);

  @RequestLine("GET")
  @Headers("Accept: application/json")
  ImagePage listRepositoryImages(URI next);

  @RequestLine("GET")
  @Headers("Accept: application/json")
  ImageTagPage listImageTags(URI next);
}
