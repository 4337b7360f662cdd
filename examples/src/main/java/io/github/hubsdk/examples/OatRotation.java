package io.github.hubsdk.examples;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.OatResource;
import io.github.hubsdk.client.OrgAccessTokens;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import io.github.hubsdk.openapi.model.OrgAccessToken;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Rotates the organization access token (OAT) a CI pipeline uses, in the order that never leaves the
 * pipeline without a working token: create the new token with the old one's resources, hand its secret
 * over (to the CI's secret store), verify that it logs in, then deactivate the old token and only then
 * delete it. If the new token does not log in, it is deleted and the old one is left as it was.
 *
 * <p>The secret goes to the {@code handOver} consumer only; nothing here prints or logs it.
 *
 * <pre>
 * mvn -B -q -DskipTests -pl examples -am package exec:java -Dexec.mainClass=io.github.hubsdk.examples.OatRotation
 * </pre>
 */
public final class OatRotation {

  /**
   * What a rotation did.
   *
   * @param newId the new token's id
   * @param newLabel the new token's label
   * @param oldId the old token's id (deleted)
   */
  public record Result(UUID newId, String newLabel, UUID oldId) {}

  private final DockerHubClient owner;
  private final String baseUrl;
  private final PrintStream out;

  /**
   * @param owner a client logged in as an owner of the organization (password or PAT)
   * @param baseUrl where new clients log in (the same Docker Hub as {@code owner})
   * @param out where the steps are reported (never a secret)
   */
  public OatRotation(DockerHubClient owner, String baseUrl, PrintStream out) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Rotates one token.
   *
   * @param org the organization
   * @param oldId the token CI uses now
   * @param handOver receives the new secret (store it where CI reads it); called before anything is disabled
   * @return what was done
   * @throws IllegalStateException when the new token does not log in (it is then deleted; the old one stays)
   */
  public Result rotate(String org, UUID oldId, Consumer<String> handOver) {
    OrgAccessTokens tokens = owner.org(org).accessTokens();
    OrgAccessToken old = tokens.get(oldId);
    List<OatResource> resources = old.getResources() == null ? List.of()
        : old.getResources().stream().map(OatResource::of).toList();
    String base = old.getLabel().replaceFirst("-\\d{4}-\\d{2}-\\d{2}$", "");
    String label = base + "-" + LocalDate.now(ZoneOffset.UTC);
    if (label.equals(old.getLabel())) {
      label = label + "-2";
    }
    // The new token lives as long as the old one was meant to (an expiring token is why one rotates).
    java.time.OffsetDateTime expires = old.getExpiresAt() == null || old.getCreatedAt() == null ? null
        : java.time.OffsetDateTime.now(ZoneOffset.UTC).plus(java.time.Duration.between(old.getCreatedAt(), old.getExpiresAt()));
    OrgAccessToken created = tokens.create(label, old.getDescription(), resources, expires);
    out.println("1. created " + created.getLabel() + " (" + created.getId() + ") with " + resources.size()
        + " resource(s)");
    String secret = created.getToken();
    try {
      handOver.accept(secret);
      out.println("2. handed the new secret over");
      try (DockerHubClient ci = DockerHubClient.builder().baseUrl(baseUrl)
          .credentials(Credentials.organizationAccessToken(org, secret)).build()) {
        String who = ci.account().getUsername();
        if (!org.equals(who)) {
          throw new IllegalStateException("the new token logs in as " + who + ", not " + org);
        }
      }
      out.println("3. the new token logs in as " + org);
    } catch (RuntimeException e) {
      tokens.delete(created.getId());
      out.println("rotation abandoned, new token deleted, old one untouched: " + e.getMessage());
      throw e instanceof IllegalStateException ise ? ise : new IllegalStateException("rotation failed", e);
    }
    tokens.deactivate(oldId);
    out.println("4. deactivated the old token " + old.getLabel() + " (" + oldId + ")");
    tokens.delete(oldId);
    out.println("5. deleted the old token");
    return new Result(created.getId(), created.getLabel(), oldId);
  }

  /**
   * Runs a rotation against an embedded emulator: organization {@code acme} with a CI token that pulls and
   * pushes {@code acme/*}.
   *
   * @param args none
   */
  public static void main(String[] args) {
    SeededToken[] ci = new SeededToken[1];
    try (DockerHubEmulator hub = DockerHubEmulator.builder().seed(s -> {
      s.org("acme", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME);
      ci[0] = s.org("acme").accessToken("ci-release").description("release pipeline")
          .repository("acme/*", OatResource.PULL, OatResource.PUSH).createdDaysAgo(85).lastUsedDaysAgo(1).seed();
    }).start();
        DockerHubClient owner = DockerHubClient.builder().baseUrl(hub.baseUrl())
            .credentials(Credentials.password(DockerHubEmulator.DEFAULT_USERNAME, DockerHubEmulator.DEFAULT_PASSWORD))
            .build()) {
      String[] vault = new String[1];
      Result r = new OatRotation(owner, hub.baseUrl(), System.out).rotate("acme", ci[0].uuid(), s -> vault[0] = s);
      System.out.println("CI now uses " + r.newLabel() + "; the vault holds a secret of " + vault[0].length()
          + " characters");
    }
  }
}
