package com.obkit.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The bundle's {@value EvidenceBundle#MANIFEST}: the SHA-256 and size of every other entry, the kit
 * that wrote it, when, and who is meant to have signed it. The signature ({@value
 * EvidenceBundle#SIGNATURE}) covers exactly the manifest's bytes, so every entry is covered through
 * its digest.
 *
 * @param kitVersion the kit's version
 * @param createdAt when the bundle was written
 * @param signer the certificate the manifest is signed with; empty for an unsigned bundle
 * @param entries every entry but the manifest and its signature, in the zip's order
 */
public record Manifest(
    String kitVersion, Instant createdAt, Optional<Signer> signer, List<Item> entries) {

  /** The manifest format: a reader refuses another. */
  public static final int SCHEMA = 1;

  /** What the manifest's {@code kind} says, so that another JSON file is not taken for one. */
  static final String KIND = "obkit-evidence-manifest";

  public Manifest {
    Objects.requireNonNull(kitVersion, "kitVersion");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(signer, "signer");
    entries = List.copyOf(entries);
    Set<String> seen = new HashSet<>();
    for (Item item : entries) {
      if (!seen.add(item.path())) {
        throw new IllegalArgumentException("the manifest lists '" + item.path() + "' twice");
      }
    }
  }

  /**
   * One entry's digest.
   *
   * @param path its name in the zip
   * @param size its length in bytes
   * @param sha256 the SHA-256 of its bytes, lowercase hex
   */
  public record Item(String path, long size, String sha256) {
    public Item {
      Objects.requireNonNull(path, "path");
      BundleEntry.requireSafePath(path);
      if (size < 0) {
        throw new IllegalArgumentException("size of '" + path + "' is negative: " + size);
      }
      Objects.requireNonNull(sha256, "sha256");
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "sha256 of '" + path + "' is not 64 lowercase hex digits: '" + sha256 + "'");
      }
    }

    /** The item of {@code entry}. */
    public static Item of(BundleEntry entry) {
      return new Item(entry.path(), entry.content().length, Manifest.sha256(entry.content()));
    }
  }

  /**
   * Who the manifest says signed it: {@code kit verify} refuses a signature by any other
   * certificate.
   *
   * @param organizationId the certificate's organizationIdentifier (2.5.4.97), or {@code <none>}
   * @param subject the certificate's subject (RFC 2253)
   * @param certificateSha256 the SHA-256 of the certificate's DER encoding, lowercase hex
   */
  public record Signer(String organizationId, String subject, String certificateSha256) {
    public Signer {
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(certificateSha256, "certificateSha256");
    }
  }

  /** The SHA-256 of {@code bytes}, lowercase hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The manifest's bytes: indented JSON, UTF-8, fields in a fixed order. */
  public byte[] toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("kind", KIND);
    root.put("schema", SCHEMA);
    root.put("kitVersion", kitVersion);
    root.put("createdAt", createdAt.toString());
    signer.ifPresentOrElse(
        s -> {
          ObjectNode n = root.putObject("signer");
          n.put("organizationId", s.organizationId());
          n.put("subject", s.subject());
          n.put("certificateSha256", s.certificateSha256());
        },
        () -> root.putNull("signer"));
    ArrayNode list = root.putArray("entries");
    for (Item item : entries) {
      list.addObject()
          .put("path", item.path())
          .put("size", item.size())
          .put("sha256", item.sha256());
    }
    try {
      return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the manifest", e);
    }
  }

  /**
   * Reads a manifest.
   *
   * @throws IllegalArgumentException naming what is wrong: not JSON, another kind or schema, a
   *     missing or malformed field
   */
  public static Manifest parse(byte[] json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(EvidenceBundle.MANIFEST + " is not JSON", e);
    }
    if (root == null || !root.isObject() || !KIND.equals(root.path("kind").asText())) {
      throw new IllegalArgumentException(
          EvidenceBundle.MANIFEST + " is not an evidence manifest (its kind is not " + KIND + ")");
    }
    if (root.path("schema").asInt(-1) != SCHEMA) {
      throw new IllegalArgumentException(
          EvidenceBundle.MANIFEST
              + " has schema "
              + root.path("schema")
              + "; this kit reads schema "
              + SCHEMA);
    }
    Instant created;
    try {
      created = Instant.parse(text(root, "createdAt"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          EvidenceBundle.MANIFEST + ": createdAt is not an ISO-8601 instant", e);
    }
    JsonNode s = root.path("signer");
    Optional<Signer> signer =
        s.isObject()
            ? Optional.of(
                new Signer(
                    text(s, "organizationId"), text(s, "subject"), text(s, "certificateSha256")))
            : Optional.empty();
    if (!root.path("entries").isArray()) {
      throw new IllegalArgumentException(EvidenceBundle.MANIFEST + " has no entries list");
    }
    List<Item> items = new ArrayList<>();
    for (JsonNode n : root.path("entries")) {
      if (!n.path("size").canConvertToLong()) {
        throw new IllegalArgumentException(
            EvidenceBundle.MANIFEST + ": an entry has no numeric size");
      }
      items.add(new Item(text(n, "path"), n.path("size").asLong(), text(n, "sha256")));
    }
    return new Manifest(text(root, "kitVersion"), created, signer, items);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(
          EvidenceBundle.MANIFEST + ": field '" + field + "' is missing or not text");
    }
    return v.asText();
  }
}
