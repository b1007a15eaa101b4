/**
 * The one immutable configuration ({@link com.obkit.config.KitConfig}), loaded in layers (defaults,
 * {@code env/<profile>.properties}, system properties, {@code KIT_*} environment variables) and
 * validated before any request: an error names the key and where its value came from. Depends on
 * nothing of the kit but the value types of pki and signing.
 */
package com.obkit.config;
