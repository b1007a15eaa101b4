/**
 * The command line ({@code kit run|plan|certificate|curl}), the in-process conformance launcher
 * (JUnit Platform + Cucumber), the plan of a dry run, the reports folder and the benchmark. The top
 * layer: may depend on every kit package; nothing depends on it.
 */
package com.obkit.cli;
