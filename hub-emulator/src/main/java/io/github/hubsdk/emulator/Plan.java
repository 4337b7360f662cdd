package io.github.hubsdk.emulator;

/**
 * A Docker Hub subscription plan of a user or an organization. Plans gate features: Advanced Image
 * Management needs {@link #PRO} or better, organization settings need {@link #BUSINESS}.
 */
public enum Plan {
  /** Personal (free): no Advanced Image Management. */
  FREE,
  /** Pro: Advanced Image Management. */
  PRO,
  /** Team: Advanced Image Management. */
  TEAM,
  /** Business: everything, including organization settings (restricted images). */
  BUSINESS;

  /**
   * Whether the images endpoints (list, tags, summary, delete-images) are available on this plan.
   *
   * @return true for Pro, Team and Business
   */
  public boolean hasImageManagement() {
    return this != FREE;
  }
}
