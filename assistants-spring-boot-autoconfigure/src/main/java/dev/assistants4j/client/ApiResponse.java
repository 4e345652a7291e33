package dev.assistants4j.client;

import org.springframework.http.HttpHeaders;

/**
 * A decoded response body with the headers it came with, for the operations that read a header beyond the
 * body, such as polling's {@code openai-poll-after-ms}.
 *
 * @param body the decoded body
 * @param headers the response headers
 * @param <T> the type of the body
 */
record ApiResponse<T>(T body, HttpHeaders headers) {
}
