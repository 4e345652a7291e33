package dev.assistants4j.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;

/**
 * Polls an object until it reaches a state the caller must act on: fetches it, and while it is not done waits
 * for the server's {@code openai-poll-after-ms} when it sent one, else for the poll interval, and fetches it
 * again. An overall deadline, the poll timeout, ends the wait with an {@link AssistantsPollTimeoutException}
 * carrying the last object seen, cancelling a request still in flight. Every wait is a Reactor delay, so
 * that nothing blocks and virtual time drives it in tests.
 */
final class Poller {

	private static final Log logger = LogFactory.getLog(Poller.class);

	private static final String TIMEOUT_PROPERTY = "openai.assistants.poll.timeout";

	private final Duration interval;

	private final Duration timeout;

	Poller(Duration interval, Duration timeout) {
		this.interval = interval;
		this.timeout = timeout;
	}

	/**
	 * Fetches until {@code done} holds, then emits the object that satisfied it.
	 * @param subject what is polled, for messages, such as {@code run run_abc}
	 * @param fetch one request for the object, subscribed again for every poll
	 * @param done whether the object is in a state to act on
	 * @param status the object's state, for messages
	 * @return the first object that is done, an {@link AssistantsPollTimeoutException} error once the poll
	 * timeout has elapsed, or the error of a failed request
	 */
	<T> Mono<T> poll(String subject, Mono<ApiResponse<T>> fetch, Predicate<? super T> done,
			Function<? super T, ?> status) {
		return Mono.defer(() -> {
			AtomicReference<@Nullable T> lastSeen = new AtomicReference<>();
			return withDeadline(subject, repeatUntilDone(subject, fetch, done, status, lastSeen), lastSeen, status);
		});
	}

	/**
	 * Starts with an object the caller just received, such as the answer to a create request, and polls it
	 * only if it is not done yet, first after the poll interval. The deadline covers the start as well.
	 * @param subject what is polled, for messages
	 * @param start the request whose answer is the first state of the object
	 * @param fetch one request for the object, subscribed again for every poll
	 * @param done whether the object is in a state to act on
	 * @param status the object's state, for messages
	 * @return the first object that is done, an {@link AssistantsPollTimeoutException} error once the poll
	 * timeout has elapsed, or the error of a failed request
	 */
	<T> Mono<T> poll(String subject, Mono<T> start, Function<? super T, Mono<ApiResponse<T>>> fetch,
			Predicate<? super T> done, Function<? super T, ?> status) {
		return Mono.defer(() -> {
			AtomicReference<@Nullable T> lastSeen = new AtomicReference<>();
			Mono<T> polled = start.flatMap((first) -> {
				lastSeen.set(first);
				return done.test(first) ? Mono.just(first)
						: Mono.delay(this.interval)
							.then(repeatUntilDone(subject, fetch.apply(first), done, status, lastSeen));
			});
			return withDeadline(subject, polled, lastSeen, status);
		});
	}

	private <T> Mono<T> repeatUntilDone(String subject, Mono<ApiResponse<T>> fetch, Predicate<? super T> done,
			Function<? super T, ?> status, AtomicReference<@Nullable T> lastSeen) {
		Mono<T> attempt = fetch.flatMap((response) -> {
			T value = response.body();
			lastSeen.set(value);
			if (done.test(value)) {
				return Mono.just(value);
			}
			Duration delay = delayAfter(response.headers());
			if (logger.isDebugEnabled()) {
				logger.debug("Polling " + subject + " again in " + delay.toMillis() + " ms (status "
						+ status.apply(value) + ")");
			}
			// Empty after the delay: repeatWhenEmpty then fetches again.
			return Mono.delay(delay).then(Mono.<T>empty());
		});
		return attempt.repeatWhenEmpty((emptyRounds) -> emptyRounds);
	}

	private <T> Mono<T> withDeadline(String subject, Mono<T> polled, AtomicReference<@Nullable T> lastSeen,
			Function<? super T, ?> status) {
		return polled.timeout(this.timeout, Mono.defer(() -> Mono.error(timedOut(subject, lastSeen.get(), status))));
	}

	/**
	 * Returns a condition that holds once an object's status is one of the given ones; an absent status
	 * never ends polling.
	 */
	static <T, S> Predicate<T> statusIn(Function<? super T, @Nullable S> status, Set<S> finished) {
		return (value) -> {
			S current = status.apply(value);
			return current != null && finished.contains(current);
		};
	}

	/**
	 * Returns the server's hint when it sent a usable one, else the poll interval. A hint of zero is ignored
	 * too: honouring it would fetch in a tight loop until the deadline.
	 */
	Duration delayAfter(HttpHeaders headers) {
		String hint = headers.getFirst(AssistantsHttpHeaders.POLL_AFTER_MS);
		if (hint != null) {
			try {
				long millis = Long.parseLong(hint.trim());
				if (millis > 0) {
					return Duration.ofMillis(millis);
				}
			}
			catch (NumberFormatException ex) {
				// Not a number of milliseconds: the interval applies.
			}
		}
		return this.interval;
	}

	private <T> AssistantsPollTimeoutException timedOut(String subject, @Nullable T lastSeen,
			Function<? super T, ?> status) {
		String last = (lastSeen != null) ? "its last status was " + status.apply(lastSeen)
				: "the server answered no poll";
		return new AssistantsPollTimeoutException("Gave up polling " + subject + " after " + format(this.timeout)
				+ ": " + last + ". Raise " + TIMEOUT_PROPERTY + " (AssistantsClient.Builder.pollTimeout) to wait "
				+ "longer.", this.timeout, lastSeen);
	}

	/**
	 * Writes a duration as a property would hold it, such as {@code 10m} or {@code 1m30s}.
	 */
	private static String format(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

}
