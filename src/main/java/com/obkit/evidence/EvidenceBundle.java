package com.obkit.evidence;

import com.obkit.pki.Certificates;
import com.obkit.pki.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.security.auth.x500.X500Principal;

/**
 * Writes and reads {@code evidence.zip}: the entries, then {@value #MANIFEST}, then (with the TPP's
 * own credentials) {@value #SIGNATURE}. Every zip entry carries the bundle's creation time, so two
 * bundles of the same content differ only in it.
 */
public final class EvidenceBundle {

  /** The manifest's name in the zip. */
  public static final String MANIFEST = "manifest.json";

  /** The manifest's detached CMS signature (DER). */
  public static final String SIGNATURE = "manifest.json.p7s";

  /** A bundle larger than this, unpacked, is refused before it fills a disk. */
  static final long MAX_UNPACKED_BYTES = 1L << 30;

  /** More entries than this is no bundle the kit wrote (a run writes a few thousand). */
  static final int MAX_ENTRIES = 200_000;

  private EvidenceBundle() {}

  /**
   * Writes the bundle to {@code zip} (replacing it only once it is complete).
   *
   * @param signer the credentials whose key signs the manifest; empty: an unsigned bundle
   * @return the manifest written
   */
  public static Manifest write(
      Path zip,
      List<BundleEntry> entries,
      Optional<Credentials> signer,
      String kitVersion,
      Instant createdAt) {
    Objects.requireNonNull(zip, "zip");
    Objects.requireNonNull(signer, "signer");
    Map<String, BundleEntry> byPath = new LinkedHashMap<>();
    for (BundleEntry e : entries) {
      if (byPath.put(e.path(), e) != null) {
        throw new IllegalArgumentException("two evidence entries are named '" + e.path() + "'");
      }
    }
    List<Manifest.Item> items = new ArrayList<>();
    byPath.values().forEach(e -> items.add(Manifest.Item.of(e)));
    Manifest manifest =
        new Manifest(
            kitVersion,
            createdAt,
            signer.map(
                c ->
                    new Manifest.Signer(
                        Certificates.organizationIdentifier(c.certificate()).orElse("<none>"),
                        c.certificate().getSubjectX500Principal().getName(X500Principal.RFC1779),
                        Certificates.sha256Fingerprint(c.certificate()))),
            items);
    byte[] manifestBytes = manifest.toJson();
    Optional<byte[]> signature = signer.map(c -> ManifestSignature.sign(manifestBytes, c));
    try {
      Path parent = zip.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path partial = Files.createTempFile(parent, ".evidence", ".zip.part");
      try {
        try (OutputStream out = Files.newOutputStream(partial);
            ZipOutputStream z = new ZipOutputStream(out)) {
          FileTime time = FileTime.from(createdAt);
          for (BundleEntry e : byPath.values()) {
            put(z, e.path(), e.content(), time);
          }
          put(z, MANIFEST, manifestBytes, time);
          if (signature.isPresent()) {
            put(z, SIGNATURE, signature.get(), time);
          }
        }
        // Evidence is for sharing, unlike the temporary file's owner-only default.
        if (Files.getFileAttributeView(partial, PosixFileAttributeView.class) != null) {
          Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
        }
        move(partial, zip);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the evidence bundle " + zip, e);
    }
    return manifest;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void put(ZipOutputStream z, String name, byte[] content, FileTime time)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(time);
    z.putNextEntry(entry);
    z.write(content);
    z.closeEntry();
  }

  /**
   * Every entry of {@code zip}, in the zip's order.
   *
   * @throws IllegalArgumentException naming the file: missing, not a zip, an entry named twice or
   *     with an unsafe name, too large
   */
  public static Map<String, byte[]> read(Path zip) {
    Objects.requireNonNull(zip, "zip");
    if (!Files.isRegularFile(zip)) {
      throw new IllegalArgumentException("evidence bundle " + zip + " does not exist");
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    long total = 0;
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry entry;
      while ((entry = z.getNextEntry()) != null) {
        String name = entry.getName();
        try {
          BundleEntry.requireSafePath(name);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(zip + ": " + e.getMessage(), e);
        }
        if (entries.size() == MAX_ENTRIES) {
          throw new IllegalArgumentException(
              zip + " has more than " + MAX_ENTRIES + " entries: not a bundle the kit wrote");
        }
        byte[] content =
            z.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED_BYTES - total + 1));
        total += content.length;
        if (total > MAX_UNPACKED_BYTES) {
          throw new IllegalArgumentException(
              zip + " unpacks to more than " + MAX_UNPACKED_BYTES + " bytes: refused");
        }
        if (entries.put(name, content) != null) {
          // Two entries of one name: a reader would see either, so neither can be trusted.
          throw new IllegalArgumentException(zip + " holds the entry '" + name + "' twice");
        }
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("evidence bundle " + zip + " does not exist", e);
    } catch (ZipException e) {
      throw new IllegalArgumentException(zip + " is not a zip file (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + zip, e);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(zip + " is not a zip file, or an empty one");
    }
    return entries;
  }
}
