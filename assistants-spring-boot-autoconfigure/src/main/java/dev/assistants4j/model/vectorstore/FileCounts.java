package dev.assistants4j.model.vectorstore;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many files of a vector store or of a file batch are in each state. A count the server left out reads
 * as zero.
 *
 * @param inProgress files still being processed
 * @param completed files processed
 * @param failed files that failed
 * @param cancelled files whose processing was cancelled
 * @param total all files
 */
public record FileCounts(@JsonProperty("in_progress") int inProgress, int completed, int failed,
		int cancelled, int total) {
}
