package io.github.hubsdk.emulator.internal.resources;

import java.util.Set;

/**
 * Transitional: operations of the spec the emulator does not serve yet. They answer 501 (in the
 * operation's error shape) instead of keeping the emulator from starting, and the contract coverage
 * skips them. Every change that adds a tag's handlers removes that tag's lines; the class goes once it
 * is empty. Internal API.
 */
public final class Pending {

  /** The operationIds without a handler yet, grouped by tag. */
  public static final Set<String> OPERATIONS = Set.of(
      // repositories
      "assignRepositoryGroup", "getRepositoryGroup", "updateRepositoryGroup",
      "deleteRepositoryGroup",
      // groups
      "listGroups", "createGroup", "getGroup", "replaceGroup", "updateGroup", "deleteGroup",
      "listGroupMembers", "addGroupMember", "removeGroupMember");

  private Pending() {}
}
