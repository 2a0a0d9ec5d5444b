package dev.payscore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Reads what an option names, a file or standard input, never more than a limit: an endless or huge
 * input ({@code /dev/zero}) is refused once limit + 1 bytes have arrived, and no buffer is larger
 * than that. Every option that reads a file or standard input reads it here.
 */
final class Input {
  /** Request bodies and captured notification bodies: 1 MiB. */
  static final int BODY_LIMIT = 1 << 20;
  /** Key files and header files: 64 KiB. */
  static final int SMALL_LIMIT = 64 << 10;

  private Input() {
  }

  /** An input that cannot be used, with the exit code it means; the message never holds its content. */
  static final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int exitCode;

    InputException(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  /** Reads the file {@code file}, or standard input for null or {@code -}. */
  static byte[] fileOrStandardInput(String option, String file, InputStream stdin, int limit, int tooLargeExit) {
    if (file == null || file.equals("-")) {
      try {
        return atMost(stdin, limit, "standard input", tooLargeExit);
      } catch (IOException e) {
        throw new InputException(ExitCode.USAGE, "standard input: cannot read (" + reason(e) + ")");
      }
    }
    return file(option, file, limit, tooLargeExit);
  }

  /** Reads the file an option names. */
  static byte[] file(String option, String file, int limit, int tooLargeExit) {
    String what = option + " " + file;
    try {
      Path path = Paths.get(file);
      if (Files.isDirectory(path)) {
        throw new InputException(ExitCode.USAGE, what + ": is a directory, not a file");
      }
      try (InputStream in = Files.newInputStream(path)) {
        return atMost(in, limit, what, tooLargeExit);
      }
    } catch (InvalidPathException e) {
      throw new InputException(ExitCode.USAGE, what + ": not a valid path");
    } catch (IOException e) {
      throw new InputException(ExitCode.USAGE, what + ": cannot read (" + reason(e) + ")");
    }
  }

  /** Reads a file of UTF-8 text (a key, headers), at most {@link #SMALL_LIMIT} bytes. */
  static String text(String option, String file) {
    byte[] bytes = file(option, file, SMALL_LIMIT, ExitCode.USAGE);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(ExitCode.USAGE, option + " " + file + ": not UTF-8 text");
    }
  }

  /** Reads to the end, or refuses once more than {@code limit} bytes have arrived. */
  static byte[] atMost(InputStream in, int limit, String what, int tooLargeExit) throws IOException {
    byte[] buffer = new byte[Math.min(8192, limit + 1)];
    int size = 0;
    while (true) {
      if (size == buffer.length) {
        if (size > limit) {
          throw new InputException(tooLargeExit, what + ": over " + describe(limit) + ", refused");
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1L, 2L * size));
      }
      int n = in.read(buffer, size, buffer.length - size);
      if (n < 0) {
        return Arrays.copyOf(buffer, size);
      }
      size += n;
    }
  }

  static String describe(int limit) {
    String size = limit % (1 << 20) == 0 ? (limit >> 20) + " MiB"
        : limit % (1 << 10) == 0 ? (limit >> 10) + " KiB" : limit + " bytes";
    return size + " (" + limit + " bytes)";
  }

  /** Why a file operation failed, in words (never the file's content). */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      return "exists and is not a directory";
    } else if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    } else if (e instanceof FileSystemException) {
      return e.getClass().getSimpleName();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
