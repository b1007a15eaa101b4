package com.obkit.suite;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The conformance run: every feature under the top-level {@code features/} folder. Settings:
 * junit-platform.properties.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
public class ConformanceSuite {}
