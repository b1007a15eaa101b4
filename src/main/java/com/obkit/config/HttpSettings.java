package com.obkit.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Transport settings.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout socket read timeout (a bank that never answers fails the scenario after this)
 * @param trustCertificate an extra PEM certificate to trust (for a reference sandbox started on its own with TLS)
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, Optional<Path> trustCertificate) {}
