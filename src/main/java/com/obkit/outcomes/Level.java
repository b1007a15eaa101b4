package com.obkit.outcomes;

/**
 * How strongly the contract states a rule: a broken MUST fails the run, a broken SHOULD is a
 * warning.
 */
public enum Level {
  MUST,
  SHOULD
}
