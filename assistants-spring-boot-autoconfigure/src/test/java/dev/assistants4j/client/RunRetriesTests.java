package dev.assistants4j.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.stubInTurn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RunRetries#rerunWhenRateLimited}: a run that fails inside with {@code rate_limit_exceeded} is run
 * again after a doubling delay, under virtual time; any other outcome passes through untouched. How the
 * failed run surfaces without the policy is in {@link FaultSuiteTests}.
 */
class RunRetriesTests {

	private static final Duration FIRST_DELAY = Duration.ofSeconds(20);

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AtomicInteger calls = new AtomicInteger();

	private static String runJson(String id, String status, String errorCode) {
		String lastError = (errorCode != null)
				? "{\"code\":\"" + errorCode + "\",\"message\":\"Rate limit reached for gpt-4o.\"}" : "null";
		return "{\"id\":\"" + id + "\",\"object\":\"thread.run\",\"thread_id\":\"thread_1\",\"status\":\"" + status
				+ "\",\"last_error\":" + lastError + "}";
	}

	private static Run run(String id, String status, String errorCode) {
		return AssistantsJson.newMapper().readValue(runJson(id, status, errorCode), Run.class);
	}

	private static final Run RATE_LIMITED_1 = run("run_1", "failed", "rate_limit_exceeded");

	private static final Run RATE_LIMITED_2 = run("run_2", "failed", "rate_limit_exceeded");

	private static final Run RATE_LIMITED_3 = run("run_3", "failed", "rate_limit_exceeded");

	private static final Run COMPLETED = run("run_3", "completed", null);

	/**
	 * A call that answers each subscription with the next run, as each {@code createAndPoll} subscription
	 * creates a new run.
	 */
	private Mono<Run> call(List<Run> answers) {
		return Mono.defer(() -> Mono.just(answers.get(this.calls.getAndIncrement())));
	}

	@Test
	void rateLimitedRunIsRunAgainAfterADoublingDelayUntilOneEnds() {
		StepVerifier
			.withVirtualTime(() -> call(List.of(RATE_LIMITED_1, RATE_LIMITED_2, COMPLETED))
				.transform(RunRetries.rerunWhenRateLimited(2, FIRST_DELAY)))
			.expectSubscription()
			// 20 s before the second run, 40 s before the third.
			.expectNoEvent(Duration.ofSeconds(59))
			.thenAwait(Duration.ofSeconds(1))
			.expectNext(COMPLETED)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void whenTheRerunsAreSpentTheLastFailedRunIsTheAnswer() {
		StepVerifier
			.withVirtualTime(() -> call(List.of(RATE_LIMITED_1, RATE_LIMITED_2, RATE_LIMITED_3))
				.transform(RunRetries.rerunWhenRateLimited(2, FIRST_DELAY)))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(59))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((run) -> {
				assertThat(run).isSameAs(RATE_LIMITED_3);
				assertThat(run.status()).isEqualTo(RunStatus.FAILED);
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void runThatFailedForAnotherReasonIsNotRunAgain() {
		Run serverError = run("run_1", "failed", "server_error");
		StepVerifier.create(call(List.of(serverError, COMPLETED)).transform(RunRetries.rerunWhenRateLimited(2, FIRST_DELAY)))
			.expectNext(serverError)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void zeroRerunsLeavesTheFailedRunAsItIs() {
		StepVerifier.create(call(List.of(RATE_LIMITED_1, COMPLETED)).transform(RunRetries.rerunWhenRateLimited(0, FIRST_DELAY)))
			.expectNext(RATE_LIMITED_1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void errorsOfTheCallPassThroughWithoutARerun() {
		// An HTTP 429 is the retry policy's to handle; this policy is only about runs that failed inside.
		RateLimitException rateLimit = new RateLimitException(429, org.springframework.http.HttpHeaders.EMPTY, null, "");
		StepVerifier
			.create(Mono.<Run>error(rateLimit)
				.doOnSubscribe((subscription) -> this.calls.incrementAndGet())
				.transform(RunRetries.rerunWhenRateLimited(2, FIRST_DELAY)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(rateLimit))
			.verify(TIMEOUT);
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void negativeRerunsOrDelayAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunRetries.rerunWhenRateLimited(-1, FIRST_DELAY))
			.withMessageContaining("'maxReruns'");
		assertThatIllegalArgumentException().isThrownBy(() -> RunRetries.rerunWhenRateLimited(1, Duration.ofSeconds(-1)))
			.withMessageContaining("'firstDelay'");
		assertThatIllegalArgumentException().isThrownBy(() -> RunRetries.rerunWhenRateLimited(1, null))
			.withMessageContaining("'firstDelay'");
	}

	@Test
	void createAndPollRerunCreatesANewRunOnTheSameThread() {
		String runs = "/v1/threads/thread_1/runs";
		stubInTurn(server, () -> post(runs), okJson(runJson("run_1", "queued", null)),
				okJson(runJson("run_2", "queued", null)));
		server.stubFor(get(runs + "/run_1").willReturn(okJson(runJson("run_1", "failed", "rate_limit_exceeded"))));
		server.stubFor(get(runs + "/run_2").willReturn(okJson(runJson("run_2", "completed", null))));
		AssistantsClient client = AssistantsStubs.builder(server).pollInterval(Duration.ofMillis(5)).build();
		StepVerifier
			.create(client.runs()
				.createAndPoll("thread_1", CreateRunRequest.builder("asst_1").build())
				.transform(RunRetries.rerunWhenRateLimited(1, Duration.ofMillis(5))))
			.assertNext((run) -> {
				assertThat(run.id()).isEqualTo("run_2");
				assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo(runs)))).hasSize(2);
	}

}
