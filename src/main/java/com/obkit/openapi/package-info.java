/**
 * The bank's OpenAPI documents (contract section 1, OAS-1): {@link
 * com.obkit.openapi.OpenApiReferee} validates every answer the kit receives against the document of
 * its host, and {@link com.obkit.openapi.ApiChanges} lists what changed between two versions of a
 * document. Depends on no other kit package; the client and the runtime use it.
 */
package com.obkit.openapi;
