package dev.assistants4j.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;

import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Polling a run under virtual time, over a scripted source of answers in place of HTTP: which statuses stop
 * it, how long it waits between polls, and its deadline.
 */
class RunPollingTests {

	private static final JsonMapper MAPPER = AssistantsJson.newMapper();

	private static final Poller POLLER = new Poller(Duration.ofSeconds(1), Duration.ofMinutes(10));

	@Test
	void waitsForTheServersHintRatherThanTheInterval() {
		Polls polls = new Polls(answer("queued", "250"), answer("in_progress", "250"), answer("completed", null));
		assertCompletesAfterPollsAt(polls, 0L, 250L, 500L);
		assertThat(polls.last().body().status()).isEqualTo(RunStatus.COMPLETED);
	}

	@Test
	void waitsForTheIntervalWhenTheServerSendsNoHint() {
		Polls polls = new Polls(answer("queued", null), answer("in_progress", null), answer("completed", null));
		assertCompletesAfterPollsAt(polls, 0L, 1000L, 2000L);
	}

	@Test
	void hintAppliesToTheWaitAfterTheAnswerThatSentIt() {
		Polls polls = new Polls(answer("queued", "250"), answer("in_progress", null), answer("completed", null));
		assertCompletesAfterPollsAt(polls, 0L, 250L, 1250L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-5", "soon", "", "1.5" })
	void unusableHintFallsBackToTheInterval(String hint) {
		Polls polls = new Polls(answer("queued", hint), answer("completed", null));
		assertCompletesAfterPollsAt(polls, 0L, 1000L);
	}

	@Test
	void cancellingKeepsPollingUntilCancelled() {
		Polls polls = new Polls(answer("cancelling", null), answer("cancelling", null), answer("cancelled", null));
		assertCompletesAfterPollsAt(polls, 0L, 1000L, 2000L);
		assertThat(polls.last().body().status()).isEqualTo(RunStatus.CANCELLED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "requires_action", "cancelled", "completed", "failed", "expired", "incomplete" })
	void statusToActOnStopsPollingAtOnce(String status) {
		Polls polls = new Polls(answer(status, "250"));
		StepVerifier.withVirtualTime(() -> DefaultRunOperations.pollRun(POLLER, "run_1", polls.mono()))
			.expectSubscription()
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.of(status)))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(polls.times()).containsExactly(0L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "queued", "in_progress", "cancelling", "paused" })
	void activeAndUnknownStatusesKeepPolling(String status) {
		assertCompletesAfterPollsAt(new Polls(answer(status, null), answer("completed", null)), 0L, 1000L);
	}

	@Test
	void runWithoutAStatusKeepsPolling() {
		Polls polls = new Polls(new ApiResponse<>(run("{\"id\":\"run_1\"}"), new HttpHeaders()),
				answer("completed", null));
		assertCompletesAfterPollsAt(polls, 0L, 1000L);
	}

	@Test
	void runStuckInQueuedFailsAtTheDeadlineAfterPollingEverySecond() {
		Polls polls = new Polls(answer("queued", null));
		StepVerifier.withVirtualTime(() -> DefaultRunOperations.pollRun(POLLER, "run_1", polls.mono()))
			.expectSubscription()
			.expectNoEvent(Duration.ofMinutes(10).minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(
					AssistantsPollTimeoutException.class, (timeout) -> {
						assertThat(timeout.timeout()).isEqualTo(Duration.ofMinutes(10));
						assertThat(timeout.lastSeen(Run.class).status()).isEqualTo(RunStatus.QUEUED);
						assertThat(timeout).hasMessage("Gave up polling run run_1 after 10m: its last status was "
								+ "queued. Raise openai.assistants.poll.timeout (AssistantsClient.Builder.pollTimeout)"
								+ " to wait longer.");
					}))
			.verify(TIMEOUT);
		assertThat(polls.times()).hasSize(600).startsWith(0L, 1000L).endsWith(599_000L);
	}

	@Test
	void deadlineCarriesTheLastRunSeenNotTheFirst() {
		Poller poller = new Poller(Duration.ofSeconds(1), Duration.ofMillis(4500));
		Polls polls = new Polls(answer("queued", null), answer("in_progress", null));
		StepVerifier.withVirtualTime(() -> DefaultRunOperations.pollRun(poller, "run_1", polls.mono()))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4499))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> {
				AssistantsPollTimeoutException timeout = (AssistantsPollTimeoutException) error;
				assertThat(timeout.lastSeen()).isSameAs(polls.last().body());
				assertThat(timeout.lastSeen(Run.class).status()).isEqualTo(RunStatus.IN_PROGRESS);
				assertThat(timeout.lastSeen(String.class)).isNull();
				assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(4500));
				assertThat(timeout).hasMessageContaining("after 4.5s: its last status was in_progress");
			})
			.verify(TIMEOUT);
		assertThat(polls.times()).containsExactly(0L, 1000L, 2000L, 3000L, 4000L);
	}

	@Test
	void deadlineCancelsAPollStillInFlight() {
		Poller poller = new Poller(Duration.ofSeconds(1), Duration.ofSeconds(5));
		AtomicBoolean cancelled = new AtomicBoolean();
		Polls polls = new Polls(answer("queued", null));
		Mono<ApiResponse<Run>> firstAnswersThenHangs = polls.mono()
			.flatMap((answer) -> (polls.times().size() == 1) ? Mono.just(answer)
					: Mono.<ApiResponse<Run>>never().doOnCancel(() -> cancelled.set(true)));
		StepVerifier.withVirtualTime(() -> DefaultRunOperations.pollRun(poller, "run_1", firstAnswersThenHangs))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> assertThat(((AssistantsPollTimeoutException) error).lastSeen(Run.class)
				.status()).isEqualTo(RunStatus.QUEUED))
			.verify(TIMEOUT);
		assertThat(polls.times()).containsExactly(0L, 1000L);
		assertThat(cancelled).isTrue();
	}

	@Test
	void deadlineWithoutAnyAnswerSaysSoAndCarriesNoRun() {
		Poller poller = new Poller(Duration.ofSeconds(1), Duration.ofSeconds(30));
		StepVerifier.withVirtualTime(() -> DefaultRunOperations.pollRun(poller, "run_1", Mono.never()))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(30).minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> {
				assertThat(((AssistantsPollTimeoutException) error).lastSeen()).isNull();
				assertThat(error).hasMessageStartingWith("Gave up polling run run_1 after 30s: the server answered "
						+ "no poll.");
			})
			.verify(TIMEOUT);
	}

	@Test
	void failedPollEndsPollingWithItsError() {
		NotFoundException notFound = new NotFoundException(404, new HttpHeaders(), null, "");
		Polls polls = new Polls(answer("queued", null));
		Mono<ApiResponse<Run>> thenFails = polls.mono()
			.flatMap((answer) -> (polls.times().size() == 1) ? Mono.just(answer) : Mono.error(notFound));
		StepVerifier.withVirtualTime(() -> DefaultRunOperations.pollRun(POLLER, "run_1", thenFails))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(notFound))
			.verify(TIMEOUT);
		assertThat(polls.times()).containsExactly(0L, 1000L);
	}

	@Test
	void eachSubscriptionPollsAfreshWithItsOwnDeadline() {
		Poller poller = new Poller(Duration.ofSeconds(1), Duration.ofSeconds(2));
		Polls polls = new Polls(answer("queued", null), answer("queued", null), answer("completed", null));
		StepVerifier.withVirtualTime(() -> DefaultRunOperations.pollRun(poller, "run_1", polls.mono())
			.onErrorResume(AssistantsPollTimeoutException.class,
					(ex) -> DefaultRunOperations.pollRun(poller, "run_1", polls.mono())))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(polls.times()).containsExactly(0L, 1000L, 2000L);
	}

	private static void assertCompletesAfterPollsAt(Polls polls, Long... times) {
		long lastPoll = times[times.length - 1];
		StepVerifier.withVirtualTime(() -> DefaultRunOperations.pollRun(POLLER, "run_1", polls.mono()))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(lastPoll - 1))
			.thenAwait(Duration.ofMillis(1))
			.expectNextMatches((run) -> run == polls.last().body())
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(polls.times()).containsExactly(times);
	}

	static Run run(String json) {
		return MAPPER.readValue(json, Run.class);
	}

	private static ApiResponse<Run> answer(String status, String pollAfterMs) {
		HttpHeaders headers = new HttpHeaders();
		if (pollAfterMs != null) {
			headers.set(AssistantsHttpHeaders.POLL_AFTER_MS, pollAfterMs);
		}
		return new ApiResponse<>(run("{\"id\":\"run_1\",\"thread_id\":\"thread_1\",\"status\":\"" + status + "\"}"),
				headers);
	}

	/**
	 * Answers each poll with the next scripted answer, repeating the last one, and records the virtual time of
	 * each poll.
	 */
	private static final class Polls {

		private final Deque<ApiResponse<Run>> answers;

		private final List<Long> times = new ArrayList<>();

		private ApiResponse<Run> last;

		@SafeVarargs
		Polls(ApiResponse<Run>... answers) {
			this.answers = new ArrayDeque<>(List.of(answers));
		}

		Mono<ApiResponse<Run>> mono() {
			return Mono.fromSupplier(() -> {
				this.times.add(VirtualTimeScheduler.get().now(TimeUnit.MILLISECONDS));
				if (!this.answers.isEmpty()) {
					this.last = this.answers.remove();
				}
				return this.last;
			});
		}

		ApiResponse<Run> last() {
			return this.last;
		}

		List<Long> times() {
			return this.times;
		}

	}

}
