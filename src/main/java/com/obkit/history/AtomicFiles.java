package com.obkit.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Whole files or none: written next to their place, then moved there. */
final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code text} (UTF-8) to {@code file}: a temporary file in its folder, then a move. */
  static void write(Path file, String text) {
    Path parent = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempFile(parent, ".tmp-", ".part");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      move(temp, file);
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be written: " + e, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The temporary file stays; it is never read as a whole file.
        }
      }
    }
  }

  /** Moves atomically where the file system can, else replacing. */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Creates {@code dir} and its parents, owner-only (rwx------) where the file system is POSIX. */
  static void ownerOnlyDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }
}
