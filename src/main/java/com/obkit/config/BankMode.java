package com.obkit.config;

/**
 * Whether the bank under test is a sandbox (test certificates, SSL-Certificate header, test
 * accounts) or production.
 */
public enum BankMode {
  SANDBOX,
  PRODUCTION
}
