package dev.assistants4j.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;

import dev.assistants4j.client.ApiTransport.Reply;
import dev.assistants4j.model.OpenEnum;

/**
 * Polls an object until its status is one the caller must act on. Between two polls it waits the poll
 * interval, or what the server asks for in {@code openai-poll-after-ms}; all of it, the first request
 * included, must end within the poll timeout, or it fails with {@link AssistantsPollTimeoutException} holding
 * the last object seen.
 */
final class Poller {

	private final Duration interval;

	private final Duration timeout;

	Poller(Duration interval, Duration timeout) {
		this.interval = interval;
		this.timeout = timeout;
	}

	/**
	 * Polls an object.
	 * @param what the object, for the timeout's message, such as {@code "vector store file file-1"}
	 * @param start the request that creates the object
	 * @param refresh fetches the object again, given its last state
	 * @param status reads the object's status
	 * @param finished the statuses that end polling; any other, unknown or absent one polls again
	 */
	<T> Mono<T> poll(String what, Mono<T> start, Function<T, Mono<Reply<T>>> refresh,
			Function<T, @Nullable OpenEnum> status, Set<? extends OpenEnum> finished) {
		return Mono.defer(() -> {
			AtomicReference<@Nullable T> lastSeen = new AtomicReference<>();
			return start.map((created) -> new Reply<>(created, HttpHeaders.EMPTY))
				.expand((reply) -> isFinished(status.apply(reply.body()), finished) ? Mono.empty()
						: Mono.delay(delay(reply.headers())).then(refresh.apply(reply.body())))
				.doOnNext((reply) -> lastSeen.set(reply.body()))
				.last()
				.map(Reply::body)
				.timeout(this.timeout, Mono.error(() -> timedOut(what, lastSeen.get(), status)));
		});
	}

	private <T> AssistantsPollTimeoutException timedOut(String what, @Nullable T lastSeen,
			Function<T, @Nullable OpenEnum> status) {
		String state = (lastSeen != null) ? "was still " + status.apply(lastSeen) : "did not answer";
		return new AssistantsPollTimeoutException(what + " " + state + " after " + this.timeout
				+ "; openai.assistants.poll.timeout sets how long to wait", this.timeout, lastSeen);
	}

	private static boolean isFinished(@Nullable OpenEnum status, Set<? extends OpenEnum> finished) {
		return status != null && finished.contains(status);
	}

	private Duration delay(HttpHeaders headers) {
		String pollAfter = headers.getFirst(AssistantsHttpHeaders.POLL_AFTER_MS);
		if (pollAfter != null) {
			try {
				long millis = Long.parseLong(pollAfter.trim());
				if (millis > 0) {
					return Duration.ofMillis(millis);
				}
			}
			catch (NumberFormatException ex) {
				// Not a number: the configured interval applies.
			}
		}
		return this.interval;
	}

}
