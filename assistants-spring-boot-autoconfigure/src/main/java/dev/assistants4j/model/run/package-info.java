/**
 * Wire model of runs: the run object, its status, required action, errors, usage, tool choice and truncation
 * strategy, and the requests that create, modify and continue a run.
 */
@NullMarked
package dev.assistants4j.model.run;

import org.jspecify.annotations.NullMarked;
