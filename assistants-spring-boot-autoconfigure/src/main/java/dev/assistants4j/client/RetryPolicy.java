package dev.assistants4j.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpHeaders;

/**
 * The retry policy of the official SDKs: connection failures and statuses 408, 409, 429 and 5xx are retried
 * up to {@code maxRetries} times. A server's {@code retry-after-ms} or {@code retry-after} (seconds or an
 * HTTP date) sets the delay, and a delay longer than {@code maxRetryAfter} ends the retries at once;
 * otherwise the delay grows exponentially from {@code initialBackoff} to {@code maxBackoff}, shortened by up
 * to a quarter at random. When the retries are spent the last real error is signalled, not a wrapper.
 */
final class RetryPolicy extends Retry {

	private static final Log logger = LogFactory.getLog(RetryPolicy.class);

	private final int maxRetries;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final Duration maxRetryAfter;

	private final Clock clock;

	private final DoubleSupplier random;

	private final BooleanSupplier mayRetry;

	RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
		this(maxRetries, initialBackoff, maxBackoff, maxRetryAfter, Clock.systemUTC(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, Clock clock,
			DoubleSupplier random) {
		this(maxRetries, initialBackoff, maxBackoff, maxRetryAfter, clock, random, () -> true);
	}

	private RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
			Clock clock, DoubleSupplier random, BooleanSupplier mayRetry) {
		this.maxRetries = maxRetries;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.maxRetryAfter = maxRetryAfter;
		this.clock = clock;
		this.random = random;
		this.mayRetry = mayRetry;
	}

	/**
	 * Returns this policy for a request that may be sent again only while the condition holds: a body that
	 * cannot be replayed, or a download whose first bytes the subscriber already has. When it does not hold,
	 * a failure is signalled as it is.
	 */
	RetryPolicy onlyWhile(BooleanSupplier condition) {
		return new RetryPolicy(this.maxRetries, this.initialBackoff, this.maxBackoff, this.maxRetryAfter, this.clock,
				this.random, () -> this.mayRetry.getAsBoolean() && condition.getAsBoolean());
	}

	@Override
	public Publisher<?> generateCompanion(Flux<RetrySignal> signals) {
		return signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			Duration delay = delayBeforeRetry(failure, signal.totalRetries());
			if (delay == null) {
				return Mono.error(failure);
			}
			logRetry(delay, signal.totalRetries(), failure);
			return Mono.delay(delay);
		});
	}

	/**
	 * Applies the policy to a single answer, as {@code retryWhen(this)} would, with one operator per attempt
	 * instead of a companion publisher per subscription: every JSON call goes through here.
	 * @param attempt one attempt, subscribed again for each retry
	 * @return the answer of the first attempt that succeeds, or the failure of the last one
	 */
	<T> Mono<T> retry(Mono<T> attempt) {
		return retry(attempt, 0);
	}

	private <T> Mono<T> retry(Mono<T> attempt, long retriesSoFar) {
		return attempt.onErrorResume((failure) -> {
			Duration delay = delayBeforeRetry(failure, retriesSoFar);
			if (delay == null) {
				return Mono.error(failure);
			}
			logRetry(delay, retriesSoFar, failure);
			return Mono.delay(delay).then(retry(attempt, retriesSoFar + 1));
		});
	}

	private void logRetry(Duration delay, long retriesSoFar, Throwable failure) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying in " + delay.toMillis() + " ms (retry " + (retriesSoFar + 1) + " of "
					+ this.maxRetries + ") after: " + failure.getMessage());
		}
	}

	/**
	 * Returns how long to wait before the next attempt, or {@code null} when the failure must be signalled.
	 */
	@Nullable Duration delayBeforeRetry(Throwable failure, long retriesSoFar) {
		if (retriesSoFar >= this.maxRetries || !isRetryable(failure) || !this.mayRetry.getAsBoolean()) {
			return null;
		}
		if (failure instanceof AssistantsApiException apiException) {
			Duration retryAfter = retryAfter(apiException.headers());
			if (retryAfter != null) {
				return (retryAfter.compareTo(this.maxRetryAfter) <= 0) ? retryAfter : null;
			}
		}
		return backoff(retriesSoFar);
	}

	private static boolean isRetryable(Throwable failure) {
		if (failure instanceof AssistantsTransportException) {
			return true;
		}
		if (!(failure instanceof AssistantsApiException apiException)) {
			return false;
		}
		String shouldRetry = apiException.headers().getFirst(AssistantsHttpHeaders.SHOULD_RETRY);
		if ("true".equals(shouldRetry) || "false".equals(shouldRetry)) {
			return Boolean.parseBoolean(shouldRetry);
		}
		int status = apiException.statusCode();
		return status == 408 || status == 409 || status == 429 || status >= 500;
	}

	private @Nullable Duration retryAfter(HttpHeaders headers) {
		Duration millis = parseAmount(headers.getFirst(AssistantsHttpHeaders.RETRY_AFTER_MS), 1);
		if (millis != null) {
			return millis;
		}
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		Duration seconds = parseAmount(retryAfter, 1000);
		return (seconds != null) ? seconds : parseDate(retryAfter);
	}

	private static @Nullable Duration parseAmount(@Nullable String value, long millisPerUnit) {
		if (value == null) {
			return null;
		}
		try {
			double amount = Double.parseDouble(value.trim());
			return (amount >= 0 && Double.isFinite(amount)) ? Duration.ofMillis(Math.round(amount * millisPerUnit))
					: null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private @Nullable Duration parseDate(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(this.clock.instant(), at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private Duration backoff(long retriesSoFar) {
		double exponential = this.initialBackoff.toMillis() * Math.pow(2, Math.min(retriesSoFar, 30));
		double capped = Math.min(exponential, this.maxBackoff.toMillis());
		double jitter = 1 - 0.25 * this.random.getAsDouble();
		return Duration.ofMillis(Math.round(capped * jitter));
	}

}
