package io.github.hubsdk.emulator;

/**
 * A seed document that cannot be applied, with where the problem is: the JSON pointer of the offending
 * value ({@code /users/0/plan}) and its line and column in the text.
 */
public final class InvalidSeedException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String pointer;
  private final int line;
  private final int column;
  private final String problem;

  /**
   * @param source what the document was read from, e.g. a file name
   * @param pointer the JSON pointer of the offending value ({@code ""} for the whole document)
   * @param line its 1-based line, or 0 when unknown
   * @param column its 1-based column, or 0 when unknown
   * @param problem what is wrong
   */
  public InvalidSeedException(String source, String pointer, int line, int column, String problem) {
    super(source + (line > 0 ? ":" + line + ":" + column : "") + ": " + (pointer.isEmpty() ? "" : pointer + ": ")
        + problem);
    this.source = source;
    this.pointer = pointer;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** @return what the document was read from */
  public String source() {
    return source;
  }

  /** @return the JSON pointer of the offending value, {@code ""} for the document itself */
  public String pointer() {
    return pointer;
  }

  /** @return the 1-based line of the offending value, 0 when unknown */
  public int line() {
    return line;
  }

  /** @return the 1-based column, 0 when unknown */
  public int column() {
    return column;
  }

  /** @return what is wrong, without the location */
  public String problem() {
    return problem;
  }
}
