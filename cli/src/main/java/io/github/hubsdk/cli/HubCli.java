package io.github.hubsdk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: only names the others. */
@Command(name = "hubsdk", mixinStandardHelpOptions = true, versionProvider = HubCli.Version.class,
    description = "Docker Hub jobs from CI: tag retention, tokens, audit export.",
    subcommands = {AccountCommand.class, ReposCommand.class, TagsCommand.class, RetentionCommand.class,
        TokensCommand.class, AuditCommand.class},
    footerHeading = "%n",
    footer = {"Credentials: DOCKERHUB_USERNAME with DOCKERHUB_TOKEN (a personal or organization access token) or",
        "DOCKERHUB_PASSWORD, or --password-stdin. A secret is never an argument and never printed.",
        "",
        "Exit codes: 0 done, 1 failed, 2 usage error, 3 retention plan --detailed-exitcode found tags to delete.",
        "",
        "Example:",
        "  hubsdk retention plan acme/web --keep-last 5 --keep latest --keep semver \\",
        "      --delete 'sha-*' --older-than 30d --out plan.json",
        "  hubsdk retention apply plan.json"})
final class HubCli implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  /** The version from the jar's build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {io.github.hubsdk.client.DockerHubClient.userAgent().replace("hubsdk-java/", "hubsdk ")};
    }
  }
}
