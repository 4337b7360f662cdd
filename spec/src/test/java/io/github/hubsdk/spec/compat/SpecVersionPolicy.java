package io.github.hubsdk.spec.compat;

/** When a breaking spec change is allowed: a greater major version than the baseline's, or an explicit override. */
public final class SpecVersionPolicy {

    private SpecVersionPolicy() {
    }

    /** The leading number of a version such as {@code 1.4.0-SNAPSHOT}. */
    public static int major(String version) {
        String v = version.strip();
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("not a version: '" + version + "'");
        }
        return Integer.parseInt(v.substring(0, end));
    }

    public static boolean majorBumped(String baselineVersion, String currentVersion) {
        return major(currentVersion) > major(baselineVersion);
    }
}
