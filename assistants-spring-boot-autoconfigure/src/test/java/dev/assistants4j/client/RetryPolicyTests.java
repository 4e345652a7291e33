package dev.assistants4j.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.http.HttpHeaders;

import dev.assistants4j.model.json.AssistantsJson;

import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry policy under virtual time, with a clock and a random number fixed so that every delay is exact.
 */
class RetryPolicyTests {

	/**
	 * Applies the policy as the stream and download paths do, as Reactor's {@code retryWhen} operator.
	 */
	<T> Mono<T> applied(Mono<T> attempts, RetryPolicy policy) {
		return attempts.retryWhen(policy);
	}

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

	/** No jitter: a random of 0 keeps the whole delay. */
	private static final DoubleSupplier NO_JITTER = () -> 0.0;

	private static RetryPolicy policy(int maxRetries) {
		return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(120),
				CLOCK, NO_JITTER);
	}

	private static AssistantsApiException failure(int status, String... headerNamesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			headers.add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		return ApiExceptions.create(status, headers, new byte[0], AssistantsJson.newMapper());
	}

	@Test
	void serverErrorIsRetriedAfterHalfASecondThenASecond() {
		Attempts attempts = new Attempts(failure(500), failure(500), failure(500));
		StepVerifier.withVirtualTime(() -> applied(attempts.mono(), policy(2)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1499))
			.thenAwait(Duration.ofMillis(1))
			.expectError(InternalServerException.class)
			.verify(TIMEOUT);
		assertThat(attempts.times()).containsExactly(0L, 500L, 1500L);
	}

	@Test
	void spentRetriesSignalTheErrorOfTheLastAttempt() {
		AssistantsApiException last = failure(502);
		Attempts attempts = new Attempts(failure(500), failure(503), last);
		StepVerifier.withVirtualTime(() -> applied(attempts.mono(), policy(2)))
			.thenAwait(Duration.ofSeconds(2))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(last))
			.verify(TIMEOUT);
		assertThat(attempts.times()).hasSize(3);
	}

	@Test
	void retryAfterMsSetsTheDelay() {
		assertDelayBeforeSuccess(failure(429, "retry-after-ms", "1500"), Duration.ofMillis(1500));
	}

	@Test
	void retryAfterInSecondsSetsTheDelay() {
		assertDelayBeforeSuccess(failure(429, "retry-after", "2"), Duration.ofSeconds(2));
	}

	@Test
	void retryAfterAsAnHttpDateWaitsUntilThatDate() {
		String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(CLOCK.instant().plusSeconds(3).atZone(ZoneOffset.UTC));
		assertDelayBeforeSuccess(failure(429, "retry-after", inThreeSeconds), Duration.ofSeconds(3));
	}

	@Test
	void retryAfterMsWinsOverRetryAfter() {
		assertDelayBeforeSuccess(failure(429, "retry-after-ms", "250", "retry-after", "30"), Duration.ofMillis(250));
	}

	@Test
	void retryAfterThatCannotBeReadFallsBackToBackoff() {
		assertDelayBeforeSuccess(failure(429, "retry-after", "soon"), Duration.ofMillis(500));
	}

	@Test
	void retryAfterAboveMaxRetryAfterFailsAtOnce() {
		assertNotRetried(failure(429, "retry-after", "121"));
	}

	@Test
	void shouldRetryFalseStopsTheRetryOfAServerError() {
		assertNotRetried(failure(500, "x-should-retry", "false"));
	}

	@Test
	void shouldRetryTrueRetriesABadRequest() {
		assertDelayBeforeSuccess(failure(400, "x-should-retry", "true"), Duration.ofMillis(500));
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 422, 418 })
	void clientErrorIsNeverRetried(int status) {
		assertNotRetried(failure(status));
	}

	@Test
	void decodingFailureIsNeverRetried() {
		assertNotRetried(new AssistantsDecodingException("GET /assistants answered 200 with HTML", new IOException()));
	}

	static Stream<Throwable> retryableFailures() {
		return Stream.of(failure(408), failure(409), failure(429), failure(500), failure(502), failure(503),
				failure(504), new AssistantsTransportException("GET /assistants failed", new IOException("reset")));
	}

	@ParameterizedTest
	@MethodSource("retryableFailures")
	void timeoutConflictRateLimitServerErrorAndTransportFailureAreRetried(Throwable failure) {
		assertDelayBeforeSuccess(failure, Duration.ofMillis(500));
	}

	@Test
	void zeroMaxRetriesNeverRetries() {
		Attempts attempts = new Attempts(failure(503), "ok");
		StepVerifier.withVirtualTime(() -> applied(attempts.mono(), policy(0)))
			.expectError(InternalServerException.class)
			.verify(TIMEOUT);
		assertThat(attempts.times()).containsExactly(0L);
	}

	@Test
	void onlyWhileRetriesWhileItsConditionHoldsAndSignalsTheFailureOnceItFails() {
		AtomicBoolean replayable = new AtomicBoolean(true);
		RetryPolicy policy = policy(2).onlyWhile(replayable::get);
		assertThat(policy.delayBeforeRetry(failure(503), 0)).isEqualTo(Duration.ofMillis(500));
		replayable.set(false);
		assertThat(policy.delayBeforeRetry(failure(503), 0)).isNull();
		AssistantsApiException failure = failure(503);
		Attempts attempts = new Attempts(failure, "ok");
		StepVerifier.withVirtualTime(() -> applied(attempts.mono(), policy(2).onlyWhile(() -> false)))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
			.verify(TIMEOUT);
		assertThat(attempts.times()).containsExactly(0L);
		assertThat(policy(0).onlyWhile(() -> true).delayBeforeRetry(failure(503), 0)).isNull();
	}

	@Test
	void backoffDoublesUpToMaxBackoff() {
		RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(2),
				Duration.ofSeconds(120), CLOCK, NO_JITTER);
		Attempts attempts = new Attempts(failure(500), failure(500), failure(500), failure(500), failure(500),
				"ok");
		// Waits of 500 ms, 1 s, then 2 s three times: the cap, not 4 s and 8 s.
		assertSucceedsWithAttemptsAt(policy, attempts, 0L, 500L, 1500L, 3500L, 5500L, 7500L);
	}

	@Test
	void jitterShortensTheDelayByAtMostAQuarter() {
		assertThat(jitteredFirstDelay(() -> 0.0)).isEqualTo(Duration.ofMillis(500));
		assertThat(jitteredFirstDelay(() -> 0.5)).isEqualTo(Duration.ofMillis(438));
		assertThat(jitteredFirstDelay(() -> Math.nextDown(1.0))).isEqualTo(Duration.ofMillis(375));
		RetryPolicy random = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8),
				Duration.ofSeconds(120));
		assertThat(Stream.generate(() -> random.delayBeforeRetry(failure(500), 0)).limit(1000))
			.allSatisfy((delay) -> assertThat(delay).isBetween(Duration.ofMillis(375), Duration.ofMillis(500)));
	}

	private static Duration jitteredFirstDelay(DoubleSupplier random) {
		return new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(120), CLOCK,
				random)
			.delayBeforeRetry(failure(500), 0);
	}

	private void assertDelayBeforeSuccess(Throwable failure, Duration delay) {
		assertSucceedsWithAttemptsAt(policy(2), new Attempts(failure, "ok"), 0L, delay.toMillis());
	}

	/**
	 * Asserts that nothing is signalled before the last attempt, which succeeds, and that the attempts were
	 * made at exactly these virtual times in milliseconds.
	 */
	private void assertSucceedsWithAttemptsAt(RetryPolicy policy, Attempts attempts, Long... times) {
		long lastAttempt = times[times.length - 1];
		StepVerifier.withVirtualTime(() -> applied(attempts.mono(), policy))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(lastAttempt - 1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(attempts.times()).containsExactly(times);
	}

	/**
	 * Asserts that the failure is signalled at once, without advancing virtual time, after a single attempt.
	 */
	private void assertNotRetried(Throwable failure) {
		Attempts attempts = new Attempts(failure, "ok");
		StepVerifier.withVirtualTime(() -> applied(attempts.mono(), policy(2)))
			.expectSubscription()
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
			.verify(TIMEOUT);
		assertThat(attempts.times()).containsExactly(0L);
	}

	/**
	 * A source that fails or succeeds as scripted, one outcome per subscription, and records the virtual
	 * time of each attempt.
	 */
	private static final class Attempts {

		private final Deque<Object> outcomes;

		private final List<Long> times = new ArrayList<>();

		Attempts(Object... outcomes) {
			this.outcomes = new ArrayDeque<>(List.of(outcomes));
		}

		Mono<String> mono() {
			return Mono.defer(() -> {
				this.times.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
				Object outcome = this.outcomes.remove();
				return (outcome instanceof Throwable failure) ? Mono.error(failure) : Mono.just((String) outcome);
			});
		}

		List<Long> times() {
			return this.times;
		}

	}

}
