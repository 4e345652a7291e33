package dev.assistants4j.client;

import java.time.Duration;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.util.Assert;

import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunErrorCode;
import dev.assistants4j.model.run.RunStatus;

/**
 * An opt-in policy for runs that fail inside with {@code last_error.code = rate_limit_exceeded}: the HTTP
 * calls succeeded, so the retry policy never sees them, and by default the failed run is what the caller
 * gets. Applied to a {@code …AndPoll} call with {@code transform}, it subscribes to the call again, which
 * creates a new run, after a growing delay, and gives back the first run that did not fail that way, or the
 * last failed run when the re-runs are spent:
 *
 * <pre class="code">
 * client.runs().createAndPoll(threadId, request).transform(RunRetries.rerunWhenRateLimited(2, Duration.ofSeconds(20)));
 * </pre>
 *
 * Each re-run is a new run: it costs tokens again, and with a tool-call handler it may call the functions
 * again. It is therefore never applied by default.
 */
public final class RunRetries {

	private RunRetries() {
	}

	/**
	 * Returns an operator that re-runs a run that failed with {@code rate_limit_exceeded}.
	 * @param maxReruns how many new runs at most, zero to leave the call as it is
	 * @param firstDelay the wait before the first re-run, doubled before each next one
	 * @return the operator, for {@link Mono#transform(Function)}
	 * @throws IllegalArgumentException if {@code maxReruns} is negative or {@code firstDelay} negative
	 */
	public static Function<Mono<Run>, Mono<Run>> rerunWhenRateLimited(int maxReruns, Duration firstDelay) {
		Assert.isTrue(maxReruns >= 0, () -> "'maxReruns' must be zero or more but was " + maxReruns);
		Assert.notNull(firstDelay, "'firstDelay' must not be null");
		Assert.isTrue(!firstDelay.isNegative(), "'firstDelay' must not be negative");
		Retry rerun = Retry.backoff(maxReruns, firstDelay)
			.jitter(0)
			.filter(RateLimitedRun.class::isInstance)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
		return (call) -> call
			.flatMap((run) -> isRateLimited(run) ? Mono.<Run>error(new RateLimitedRun(run)) : Mono.just(run))
			.retryWhen(rerun)
			.onErrorResume(RateLimitedRun.class, (failed) -> Mono.just(failed.run));
	}

	private static boolean isRateLimited(Run run) {
		return RunStatus.FAILED.equals(run.status()) && run.lastError() != null
				&& RunErrorCode.RATE_LIMIT_EXCEEDED.equals(run.lastError().code());
	}

	/**
	 * Carries a rate-limited run through the retry operator; never seen by the caller.
	 */
	private static final class RateLimitedRun extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Run run;

		RateLimitedRun(Run run) {
			super(null, null, false, false);
			this.run = run;
		}

	}

}
