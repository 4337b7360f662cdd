package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.seed.LocatedJson;
import io.github.hubsdk.emulator.internal.seed.SeedSections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A seed document: the emulator's state as JSON, for any language (the standalone jar's {@code --seed},
 * {@code POST /_emulator/seed}) and for Java ({@code builder().seed(doc::apply)}, {@link
 * DockerHubEmulator#seed(SeedDocument)}). It is the other face of {@link Seeder}: every entry becomes
 * Seeder calls, so the document and the Java API cannot drift apart. The format is in the module README:
 *
 * <pre>{@code
 * {
 *   "users": [{"name": "mona", "password": "s3cret", "plan": "team", "twoFactorCode": "123456"}],
 *   "organizations": [{"name": "acme", "plan": "business", "owners": ["mona"], "members": []}],
 *   "repositories": [{"namespace": "acme", "name": "web", "generatedImages": 30,
 *                     "images": [{"digest": "sha256:...", "pushed": "P3D", "tags": ["latest"]}]}],
 *   "accessTokens": [{"owner": "mona", "label": "ci", "scopes": ["repo:read"], "secret": "dckr_pat_known1234"}],
 *   "organizationAccessTokens": [{"org": "acme", "label": "deploy"}],
 *   "auditEvents": [{"account": "acme", "action": "repo.tag.push", "name": "acme/web", "actor": "mona", "at": "PT5H"}]
 * }
 * }</pre>
 *
 * <p>{@link #parse} checks everything that the text alone decides (JSON syntax, duplicate keys, unknown
 * fields, types, plans, scopes, digests, times) and {@link #apply} what depends on the emulator's state (a
 * member who is no user, a name taken twice); both refuse with an {@link InvalidSeedException} naming the
 * JSON pointer, line and column. Immutable and reusable.
 */
public final class SeedDocument {

  private final LocatedJson json;
  private final String source;

  private SeedDocument(LocatedJson json, String source) {
    this.json = json;
    this.source = source;
  }

  /**
   * Parses and checks a document.
   *
   * @param text the JSON text
   * @param source what it was read from, for messages (a file name, {@code request body})
   * @return the document
   * @throws InvalidSeedException when it is not a valid seed document
   */
  public static SeedDocument parse(String text, String source) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    LocatedJson json = LocatedJson.parse(text, source);
    // A dry run of the reading alone (no seeder): every check that needs no state fails now, not half-way in.
    SeedSections.check(json.root());
    return new SeedDocument(json, source);
  }

  /**
   * Reads, parses and checks a document file (UTF-8).
   *
   * @param file the file
   * @return the document
   * @throws InvalidSeedException when it is not a valid seed document
   * @throws UncheckedIOException when it cannot be read
   */
  public static SeedDocument read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seed document " + file, e);
    }
  }

  /**
   * Applies the document through the seeder, in dependency order (users, organizations, repositories, tokens,
   * audit events), whatever the order of its sections.
   *
   * @param seeder the seeder of the emulator being seeded
   * @return what was seeded
   * @throws InvalidSeedException when an entry conflicts with the state (what came before it stays seeded)
   */
  public Result apply(Seeder seeder) {
    return SeedSections.apply(json.root(), Objects.requireNonNull(seeder, "seeder"));
  }

  /** @return what the document was read from */
  public String source() {
    return source;
  }

  /**
   * What a document seeded.
   *
   * @param counts entries per section, e.g. {@code users=2}
   * @param tokens the seeded tokens (their secrets included: the caller seeded them)
   * @param scimTokens the SCIM token of each organization the document gave SSO with SCIM
   */
  public record Result(Map<String, Integer> counts, List<Token> tokens, Map<String, String> scimTokens) {

    /**
     * A seeded token.
     *
     * @param kind {@code personal} or {@code organization}
     * @param label its label
     * @param token uuid, owner and secret
     */
    public record Token(String kind, String label, SeededToken token) {}

    /** @return the result as plain JSON-friendly values (the control API's answer) */
    public Map<String, Object> summary() {
      return Map.of("seeded", counts, "tokens", tokens.stream().map(t -> Map.of("kind", t.kind(), "label", t.label(),
          "uuid", t.token().uuid().toString(), "owner", t.token().owner(), "secret", t.token().secret())).toList(),
          "scimTokens", scimTokens);
    }
  }
}
