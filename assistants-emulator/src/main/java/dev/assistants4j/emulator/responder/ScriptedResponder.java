package dev.assistants4j.emulator.responder;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.run.RunErrorCode;

/**
 * A responder for tests: answers each run, and each submission of tool outputs, with the next reply of its
 * script, and remembers what it was asked. With the script used up, it answers with its fallback, or fails
 * the run with {@code server_error} when it has none, so that a test never hangs on a missing reply.
 *
 * <pre class="code">
 * ScriptedResponder responder = new ScriptedResponder()
 *     .thenCall("get_weather", "{\"city\":\"Paris\"}")
 *     .thenReply("It is sunny in Paris.")
 *     .thenFail(RunErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit reached");
 * </pre>
 *
 * <p>Instances are thread-safe; replies are taken in the order the emulator asks for them.
 */
public final class ScriptedResponder implements Responder {

	private final Queue<Responder> script = new ConcurrentLinkedQueue<>();

	private final List<RunContext> contexts = new CopyOnWriteArrayList<>();

	private volatile @Nullable Responder otherwise;

	/**
	 * Queues a text answer, streamed word by word.
	 * @param text the answer
	 * @return this responder
	 */
	public ScriptedResponder thenReply(String text) {
		return then(Reply.text(text));
	}

	/**
	 * Queues calls of functions.
	 * @param calls the calls, at least one
	 * @return this responder
	 */
	public ScriptedResponder thenCall(Reply.FunctionCall... calls) {
		Assert.notNull(calls, "'calls' must not be null");
		return then(Reply.functionCalls(List.of(calls)));
	}

	/**
	 * Queues one call of a function.
	 * @param name the function's name
	 * @param arguments the arguments as a JSON object
	 * @return this responder
	 */
	public ScriptedResponder thenCall(String name, String arguments) {
		return then(Reply.functionCall(name, arguments));
	}

	/**
	 * Queues a failure inside the run, such as {@link RunErrorCode#RATE_LIMIT_EXCEEDED}.
	 * @param code the run's error code
	 * @param message the run's error message
	 * @return this responder
	 */
	public ScriptedResponder thenFail(RunErrorCode code, String message) {
		return then(Reply.failure(code, message));
	}

	/**
	 * Queues a reply.
	 * @param reply the reply
	 * @return this responder
	 */
	public ScriptedResponder then(Reply reply) {
		Assert.notNull(reply, "'reply' must not be null");
		return then((context) -> Mono.just(reply));
	}

	/**
	 * Queues a responder that answers one time, for a reply that depends on the run.
	 * @param responder the responder
	 * @return this responder
	 */
	public ScriptedResponder then(Responder responder) {
		Assert.notNull(responder, "'responder' must not be null");
		this.script.add(responder);
		return this;
	}

	/**
	 * Sets the responder that answers once the script is used up, such as a {@link DefaultResponder}.
	 * @param responder the fallback
	 * @return this responder
	 */
	public ScriptedResponder otherwise(Responder responder) {
		Assert.notNull(responder, "'responder' must not be null");
		this.otherwise = responder;
		return this;
	}

	/**
	 * Returns what this responder was asked, in order.
	 * @return the contexts of every answer so far
	 */
	public List<RunContext> contexts() {
		return List.copyOf(this.contexts);
	}

	/**
	 * Returns how many queued replies are left.
	 * @return the number of replies not yet used
	 */
	public int remaining() {
		return this.script.size();
	}

	@Override
	public Mono<Reply> respond(RunContext context) {
		this.contexts.add(context);
		Responder next = this.script.poll();
		if (next == null) {
			next = this.otherwise;
		}
		if (next == null) {
			return Mono.just(Reply.failure(RunErrorCode.SERVER_ERROR,
					"The emulator's ScriptedResponder has no reply left for run " + context.run().id()));
		}
		return next.respond(context);
	}

}
