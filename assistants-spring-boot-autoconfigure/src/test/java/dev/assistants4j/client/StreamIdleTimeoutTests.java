package dev.assistants4j.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import dev.assistants4j.model.json.AssistantsJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one timer per attempt that replaced a timer per event: on virtual time, events just inside the idle
 * timeout never time out, a longer gap fails with the stall message, the first event is timed from the
 * subscription, and every way the stream ends disposes of the timer; on real threads, the timer's error never
 * overlaps an event.
 */
class StreamIdleTimeoutTests {

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

	private static final String STALLED = "POST /threads/{thread_id}/runs stalled: no event within "
			+ "stream-idle-timeout (10000 ms)";

	private final VirtualTimeScheduler virtualTime = VirtualTimeScheduler.create();

	private final RecordingScheduler timer = new RecordingScheduler(this.virtualTime);

	private final AtomicInteger subscriptions = new AtomicInteger();

	private final AtomicBoolean sourceCancelled = new AtomicBoolean();

	@AfterEach
	void disposeVirtualTime() {
		this.virtualTime.dispose();
	}

	private static EventStreamExchange<String> exchange(Scheduler timer, Duration idleTimeout) {
		return new EventStreamExchange<>("/threads/{thread_id}/runs", AssistantsJson.newMapper(), idleTimeout, 1024,
				timer, (exchange) -> (event, data, offset, length, id) -> event);
	}

	private static RetryPolicy retries(int maxRetries) {
		return new RetryPolicy(maxRetries, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1));
	}

	/**
	 * Returns the stream of attempts of a source, on virtual time, counting subscriptions and cancellations.
	 */
	private Flux<String> stream(Flux<String> source, int maxRetries) {
		Flux<String> attempt = Flux.defer(() -> {
			this.subscriptions.incrementAndGet();
			return source;
		}).doOnCancel(() -> this.sourceCancelled.set(true));
		return exchange(this.timer, IDLE_TIMEOUT).withRetries(attempt, retries(maxRetries));
	}

	/**
	 * Events every {@code spacing}, on virtual time.
	 */
	private Flux<String> every(Duration spacing, int count) {
		return Flux.interval(spacing, this.virtualTime).map((tick) -> "event " + tick).take(count);
	}

	private StepVerifier.FirstStep<String> verify(Flux<String> stream) {
		return StepVerifier.withVirtualTime(() -> stream, () -> this.virtualTime, Long.MAX_VALUE);
	}

	@Test
	void eventsSpacedJustUnderTheTimeoutNeverTimeOut() {
		verify(stream(every(IDLE_TIMEOUT.minusMillis(1), 50), 0)).thenAwait(IDLE_TIMEOUT.multipliedBy(50))
			.expectNextCount(50)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		// One timer per attempt, re-armed when it fires: about once per timeout, not once per event.
		assertThat(this.timer.scheduled()).hasSizeLessThanOrEqualTo(51);
		this.timer.assertAllDisposed();
	}

	@Test
	void aGapLongerThanTheTimeoutFailsWithTheStallMessageOnceTheTimeoutHasPassed() {
		Duration spacing = IDLE_TIMEOUT.minusMillis(1);
		Flux<String> source = every(spacing, 3).concatWith(Mono.delay(IDLE_TIMEOUT.plusMillis(1), this.virtualTime)
			.thenReturn("late"));
		verify(stream(source, 2)).thenAwait(spacing.multipliedBy(3))
			.expectNext("event 0", "event 1", "event 2")
			.expectNoEvent(IDLE_TIMEOUT.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsTransportException.class)
				.hasMessage(STALLED))
			.verify(Duration.ofSeconds(10));
		assertThat(this.sourceCancelled).isTrue();
		assertThat(this.subscriptions).as("attempts: a stall after an event is not retried").hasValue(1);
		this.timer.assertAllDisposed();
	}

	@Test
	void theFirstEventIsTimedFromTheSubscriptionAndAStallBeforeItIsRetried() {
		verify(stream(Flux.never(), 1)).expectSubscription()
			.expectNoEvent(IDLE_TIMEOUT.minusMillis(1))
			.then(() -> assertThat(this.subscriptions).as("attempts before the first timeout").hasValue(1))
			.thenAwait(Duration.ofMillis(5))
			.then(() -> assertThat(this.subscriptions).as("attempts after the first timeout and its backoff")
				.hasValue(2))
			.expectNoEvent(IDLE_TIMEOUT.minusMillis(10))
			.thenAwait(Duration.ofMillis(10))
			.expectErrorMessage(STALLED)
			.verify(Duration.ofSeconds(10));
		assertThat(this.subscriptions).hasValue(2);
		this.timer.assertAllDisposed();
	}

	@Test
	void cancellingDisposesTheTimerAndCancelsTheSource() {
		verify(stream(every(IDLE_TIMEOUT.dividedBy(2), 100), 0)).thenAwait(IDLE_TIMEOUT.multipliedBy(3))
			.expectNextCount(6)
			.thenCancel()
			.verify(Duration.ofSeconds(10));
		assertThat(this.timer.scheduled()).isNotEmpty();
		this.timer.assertAllDisposed();
		assertThat(this.sourceCancelled).isTrue();
	}

	@Test
	void completionDisposesTheTimer() {
		verify(stream(every(Duration.ofSeconds(1), 3), 0)).thenAwait(Duration.ofSeconds(3))
			.expectNextCount(3)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(this.timer.scheduled()).isNotEmpty();
		this.timer.assertAllDisposed();
	}

	@Test
	void aFailureDisposesTheTimerAndIsMapped() {
		Flux<String> failing = every(Duration.ofSeconds(1), 1).concatWith(Flux.error(new IOException("gone")));
		verify(stream(failing, 0)).thenAwait(Duration.ofSeconds(1))
			.expectNext("event 0")
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsTransportException.class)
				.hasMessage("POST /threads/{thread_id}/runs failed: IOException: gone"))
			.verify(Duration.ofSeconds(10));
		this.timer.assertAllDisposed();
	}

	@Test
	void theTimersErrorNeverOverlapsAnEventOnAnotherThread() throws InterruptedException {
		EventStreamExchange<String> exchange = exchange(Schedulers.parallel(), Duration.ofMillis(1));
		List<String> violations = new CopyOnWriteArrayList<>();
		int timeouts = 0;
		for (int round = 0; round < 200; round++) {
			Flux<String> source = Flux.<String>create((sink) -> {
				Thread thread = new Thread(() -> {
					for (int i = 0; i < 50 && !sink.isCancelled(); i++) {
						sink.next("event " + i);
						LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_500_000));
					}
					sink.complete();
				});
				thread.setDaemon(true);
				thread.start();
			});
			SerialChecker checker = new SerialChecker(violations);
			// The operator on its own: retryWhen downstream of it would serialize the signals anyway.
			new EventStreamExchange.IdleTimeout<>(source, exchange, new AtomicBoolean()).subscribe(checker);
			assertThat(checker.terminated.await(10, TimeUnit.SECONDS)).as("round %d ended", round).isTrue();
			timeouts += (checker.error instanceof AssistantsTransportException) ? 1 : 0;
		}
		assertThat(violations).isEmpty();
		assertThat(timeouts).as("rounds that timed out").isPositive();
	}

	/**
	 * A subscriber that takes its time over each event, up to longer than the timeout, and records any signal
	 * that overlaps another or follows the end.
	 */
	private static final class SerialChecker extends BaseSubscriber<String> {

		private final AtomicInteger inSignal = new AtomicInteger();

		private final List<String> violations;

		private final CountDownLatch terminated = new CountDownLatch(1);

		private volatile boolean ended;

		private volatile Throwable error;

		SerialChecker(List<String> violations) {
			this.violations = violations;
		}

		private void enter(String signal) {
			if (this.inSignal.getAndIncrement() != 0) {
				this.violations.add(signal + " overlapped another signal");
			}
			if (this.ended) {
				this.violations.add(signal + " after the end");
			}
		}

		@Override
		protected void hookOnNext(String value) {
			enter("onNext");
			// Now and then longer than the timeout, so that the timer fires while the event is on its way.
			LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_200_000));
			this.inSignal.decrementAndGet();
		}

		@Override
		protected void hookOnComplete() {
			enter("onComplete");
			this.ended = true;
			this.inSignal.decrementAndGet();
		}

		@Override
		protected void hookOnError(Throwable throwable) {
			enter("onError");
			this.error = throwable;
			this.ended = true;
			this.inSignal.decrementAndGet();
		}

		@Override
		protected void hookFinally(reactor.core.publisher.SignalType type) {
			this.terminated.countDown();
		}

	}

	/**
	 * A scheduler on virtual time that remembers every task scheduled with a delay.
	 */
	private static final class RecordingScheduler implements Scheduler {

		private final VirtualTimeScheduler delegate;

		private final List<Disposable> scheduled = new CopyOnWriteArrayList<>();

		RecordingScheduler(VirtualTimeScheduler delegate) {
			this.delegate = delegate;
		}

		List<Disposable> scheduled() {
			return this.scheduled;
		}

		void assertAllDisposed() {
			assertThat(this.scheduled).as("timers scheduled").allSatisfy((task) -> assertThat(task.isDisposed())
				.as("timer disposed")
				.isTrue());
		}

		@Override
		public Disposable schedule(Runnable task) {
			return this.delegate.schedule(task);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			Disposable disposable = this.delegate.schedule(task, delay, unit);
			this.scheduled.add(disposable);
			return disposable;
		}

		@Override
		public long now(TimeUnit unit) {
			return this.delegate.now(unit);
		}

		@Override
		public Worker createWorker() {
			return this.delegate.createWorker();
		}

	}

}
