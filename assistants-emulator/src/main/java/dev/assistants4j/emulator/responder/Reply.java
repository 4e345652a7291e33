package dev.assistants4j.emulator.responder;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;

import org.springframework.util.Assert;

import dev.assistants4j.model.run.RunErrorCode;

/**
 * What a {@link Responder} answers to a run: a text streamed in chunks, function calls the run then requires,
 * or a failure inside the run.
 */
public sealed interface Reply permits Reply.Text, Reply.FunctionCalls, Reply.Failure {

	/**
	 * Answers a text streamed word by word, each chunk a word with the whitespace before it, as a model does.
	 * @param text the whole answer
	 * @return the reply
	 */
	static Text text(String text) {
		Assert.notNull(text, "'text' must not be null");
		return new Text(Flux.fromIterable(Text.words(text)));
	}

	/**
	 * Answers a text streamed in the given chunks, each one a {@code thread.message.delta} event and, for
	 * {@code max_completion_tokens}, one token.
	 * @param chunks the chunks, emitted when the emulator subscribes
	 * @return the reply
	 */
	static Text text(Flux<String> chunks) {
		return new Text(chunks);
	}

	/**
	 * Answers calls of functions, which the run then requires outputs for.
	 * @param calls the calls, at least one
	 * @return the reply
	 */
	static FunctionCalls functionCalls(List<FunctionCall> calls) {
		return new FunctionCalls(calls);
	}

	/**
	 * Answers one call of a function.
	 * @param name the function's name
	 * @param arguments the arguments as a JSON object
	 * @return the reply
	 */
	static FunctionCalls functionCall(String name, String arguments) {
		return new FunctionCalls(List.of(new FunctionCall(name, arguments)));
	}

	/**
	 * Fails the run, as a real server does when the model is rate limited or the prompt is invalid: the run
	 * ends {@code failed} with this {@code last_error}, while the HTTP exchanges all succeed.
	 * @param code the error code, such as {@link RunErrorCode#RATE_LIMIT_EXCEEDED}
	 * @param message the error message
	 * @return the reply
	 */
	static Failure failure(RunErrorCode code, String message) {
		return new Failure(code, message);
	}

	/**
	 * A text answer, streamed as the chunks arrive.
	 *
	 * @param chunks the chunks of the text, in order
	 */
	record Text(Flux<String> chunks) implements Reply {

		private static final Pattern BEFORE_WHITESPACE = Pattern.compile("(?<=\\S)(?=\\s)");

		/**
		 * Creates a text answer.
		 * @param chunks the chunks of the text
		 */
		public Text {
			Assert.notNull(chunks, "'chunks' must not be null");
		}

		static List<String> words(String text) {
			List<String> words = new ArrayList<>();
			for (String word : BEFORE_WHITESPACE.split(text)) {
				if (!word.isEmpty()) {
					words.add(word);
				}
			}
			return words;
		}

	}

	/**
	 * Calls of functions, which the run requires outputs for before it goes on.
	 *
	 * @param calls the calls, at least one
	 */
	record FunctionCalls(List<FunctionCall> calls) implements Reply {

		/**
		 * Creates an answer of function calls.
		 * @param calls the calls, at least one
		 */
		public FunctionCalls {
			Assert.notEmpty(calls, "'calls' must not be empty");
			Assert.noNullElements(calls, "'calls' must not contain null elements");
			calls = List.copyOf(calls);
		}

	}

	/**
	 * A call of one function.
	 *
	 * @param name the function's name
	 * @param arguments the arguments as a JSON object, as a model writes them
	 */
	record FunctionCall(String name, String arguments) {

		/**
		 * Creates a call.
		 * @param name the function's name
		 * @param arguments the arguments as JSON
		 */
		public FunctionCall {
			Assert.hasText(name, "'name' must not be blank");
			Assert.notNull(arguments, "'arguments' must not be null");
		}

	}

	/**
	 * A failure inside the run.
	 *
	 * @param code the run's {@code last_error.code}
	 * @param message the run's {@code last_error.message}
	 */
	record Failure(RunErrorCode code, String message) implements Reply {

		/**
		 * Creates a failure.
		 * @param code the error code
		 * @param message the error message
		 */
		public Failure {
			Assert.notNull(code, "'code' must not be null");
			Assert.notNull(message, "'message' must not be null");
		}

	}

}
