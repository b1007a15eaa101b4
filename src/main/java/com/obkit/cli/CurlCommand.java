package com.obkit.cli;

import com.obkit.pki.CredentialFiles;
import com.obkit.pki.Credentials;
import com.obkit.signing.DigestAlgorithm;
import com.obkit.signing.HttpSigner;
import com.obkit.signing.SignedHeaders;
import com.obkit.signing.SigningProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints a curl command carrying a signed request, made with the kit's signing helper from saved
 * credentials: how a TPP developer calls the reference sandbox (or the bank) the way the
 * registration page shows. The signature covers this exact body and request id, so the command
 * works once as printed.
 */
@Command(
    name = "curl",
    mixinStandardHelpOptions = true,
    description =
        "Prints a signed curl command (onboarding, registration, test accounts, a form body for"
            + " the token endpoint).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  kit curl --certificate credentials/certificate.pem \\",
      "      --private-key credentials/private-key.pem \\",
      "      --url https://127.0.0.1:8443/xs2a-bg/nl/onboarding/v1",
      "  kit curl --certificate c.pem --private-key k.pem --method POST \\",
      "      --url https://127.0.0.1:8443/auth/nl/v1/token \\",
      "      --data 'grant_type=authorization_code&code=...'"
    })
final class CurlCommand implements Callable<Integer> {

  @Option(names = "--certificate", required = true, description = "certificate.pem")
  Path certificate;

  @Option(names = "--private-key", required = true, description = "private-key.pem")
  Path privateKey;

  @Option(
      names = "--url",
      required = true,
      description = "e.g. http://127.0.0.1:8080/xs2a-bg/nl/onboarding/v1")
  String url;

  @Option(names = "--method", defaultValue = "GET")
  String method;

  @Option(
      names = "--data",
      defaultValue = "",
      description = "Request body (signed through its Digest).")
  String data;

  @Option(
      names = "--content-type",
      description =
          "Content-Type of --data (default: application/json for a JSON body,"
              + " application/x-www-form-urlencoded for a form body such as"
              + " grant_type=authorization_code&code=...).")
  String contentType;

  @Option(names = "--algorithm", defaultValue = "SHA256withRSA")
  String algorithm;

  @Option(
      names = "--headers",
      defaultValue = "digest x-request-id",
      description = "Signed headers (default: ${DEFAULT-VALUE}).")
  String headers;

  @Option(names = "--no-ssl-certificate", description = "Leave out SSL-Certificate (production).")
  boolean noSslCertificate;

  @Override
  public Integer call() {
    Credentials credentials = CredentialFiles.loadPem(certificate, privateKey, null);
    SigningProfile profile =
        new SigningProfile(
            algorithm, List.of(headers.trim().split("\\s+")), DigestAlgorithm.SHA_256);
    SignedHeaders signed =
        new HttpSigner(credentials, profile)
            .sign(data.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
    StringBuilder sb =
        new StringBuilder("curl -i -X ").append(method).append(" '").append(url).append("'");
    sb.append(" \\\n  -H 'Accept: application/json'");
    for (Map.Entry<String, String> h : signed.asMap().entrySet()) {
      sb.append(" \\\n  -H '")
          .append(h.getKey())
          .append(": ")
          .append(h.getValue().replace("'", "'\\''"))
          .append("'");
    }
    if (!noSslCertificate) {
      sb.append(" \\\n  -H 'SSL-Certificate: ")
          .append(credentials.certificateHeaderValue())
          .append("'");
    }
    if (!data.isEmpty()) {
      sb.append(" \\\n  -H 'Content-Type: ")
          .append(contentType == null ? contentTypeOf(data) : contentType)
          .append("' --data-binary '")
          .append(data.replace("'", "'\\''"))
          .append("'");
    }
    System.out.println(sb);
    return 0;
  }

  /** JSON for a JSON body; a form (the token endpoint's, the page's second call) otherwise. */
  static String contentTypeOf(String body) {
    String b = body.strip();
    return b.startsWith("{") || b.startsWith("[")
        ? "application/json"
        : "application/x-www-form-urlencoded";
  }
}
