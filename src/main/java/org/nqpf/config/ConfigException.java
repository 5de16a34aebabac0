package org.nqpf.config;

/**
 * A configuration value that the model refuses: names the key path, the value given and what is
 * allowed, so that the message alone tells a user how to mend the file.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String keyPath;

  /**
   * @param keyPath the dotted key path, or empty (or null) when the refusal concerns the whole file
   * @param message what was given and what is allowed
   */
  public ConfigException(String keyPath, String message) {
    super(keyPath == null || keyPath.isEmpty() ? message : keyPath + ": " + message);
    this.keyPath = keyPath == null ? "" : keyPath;
  }

  /**
   * The dotted key path of the offending value, for example {@code firms.count}; empty when the
   * refusal concerns the file as a whole (missing, malformed, not a mapping).
   */
  public String keyPath() {
    return keyPath;
  }

  /** The same refusal placed under a parent key. */
  public ConfigException under(String parent) {
    if (parent.isEmpty()) {
      return this;
    }
    String path = keyPath.isEmpty() ? parent : parent + "." + keyPath;
    String message = getMessage();
    String bare = keyPath.isEmpty() ? message : message.substring(keyPath.length() + 2);
    return new ConfigException(path, bare);
  }
}
