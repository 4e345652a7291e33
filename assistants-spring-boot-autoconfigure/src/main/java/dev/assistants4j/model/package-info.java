/**
 * Wire model shared by every resource: pages, list parameters, deletion status and open enumerations.
 */
@NullMarked
package dev.assistants4j.model;

import org.jspecify.annotations.NullMarked;
