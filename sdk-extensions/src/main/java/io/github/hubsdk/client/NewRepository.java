package io.github.hubsdk.client;

import io.github.hubsdk.openapi.model.CreateRepositoryRequest;

/**
 * A repository to create: its name, descriptions and privacy. Built with {@link #builder(String)}, which
 * checks Docker's rules before anything is sent.
 *
 * @param name 2 to 255 lower-case letters and digits separated by single {@code .}, {@code _} or {@code -}
 * @param description the short description (at most 100 characters), or null
 * @param fullDescription the README in Markdown (at most 25,000 characters), or null
 * @param isPrivate whether only the namespace may see it
 */
public record NewRepository(String name, String description, String fullDescription, boolean isPrivate) {

  /**
   * Checks the values.
   *
   * @throws io.github.hubsdk.client.error.InvalidRequestException when a value breaks Docker's rules
   */
  public NewRepository {
    Checks.repositoryName(name);
    Checks.maxLength("description", description, Checks.MAX_DESCRIPTION);
    Checks.maxLength("full description", fullDescription, Checks.MAX_FULL_DESCRIPTION);
  }

  /**
   * A public repository without descriptions, to refine.
   *
   * @param name the repository's name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  CreateRepositoryRequest toRequest() {
    return new CreateRepositoryRequest().name(name).description(description).fullDescription(fullDescription)
        .isPrivate(isPrivate);
  }

  /** Builds a {@link NewRepository}; {@link #build()} checks it. */
  public static final class Builder {
    private final String name;
    private String description;
    private String fullDescription;
    private boolean isPrivate;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * @param description at most 100 characters
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * @param markdown the README, at most 25,000 characters
     * @return this builder
     */
    public Builder fullDescription(String markdown) {
      this.fullDescription = markdown;
      return this;
    }

    /**
     * @param isPrivate whether only the namespace may see it (default public)
     * @return this builder
     */
    public Builder isPrivate(boolean isPrivate) {
      this.isPrivate = isPrivate;
      return this;
    }

    /**
     * @return the checked value
     * @throws io.github.hubsdk.client.error.InvalidRequestException when a value breaks Docker's rules
     */
    public NewRepository build() {
      return new NewRepository(name, description, fullDescription, isPrivate);
    }
  }
}
