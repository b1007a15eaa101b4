/**
 * The port between the kit and its embedded reference sandbox: the only sandbox types the kit may
 * use (enforced by the architecture test). Depends on the sandbox; the sandbox and this port depend
 * on no kit package.
 */
package com.obkit.sandbox.port;
