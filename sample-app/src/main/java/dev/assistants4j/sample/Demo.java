package dev.assistants4j.sample;

import reactor.core.publisher.Mono;

/**
 * One of the sample's demos: a question put to an assistant it creates, and the answer.
 */
interface Demo {

	/**
	 * Returns the name that selects the demo in {@code sample.demos}.
	 * @return the name, such as {@code math-tutor}
	 */
	String name();

	/**
	 * Returns what the demo asks.
	 * @return the user message
	 */
	String question();

	/**
	 * Creates the assistant, a thread with the question, runs it to its end and reads the answer.
	 * @return the assistant's answer, or the errors of the client's operations
	 */
	Mono<String> answer();

}
