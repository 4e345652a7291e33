package dev.assistants4j.emulator.responder;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.run.RunErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScriptedResponderTests {

	private final RunContext context = DefaultResponderTests.context(DefaultResponderTests.run(List.of(), null, null),
			List.of(DefaultResponderTests.message(MessageRole.USER, "Hi")), List.of());

	@Test
	void answersWithItsScriptInOrderAndRemembersWhatItWasAsked() {
		ScriptedResponder responder = new ScriptedResponder().thenCall("get_weather", "{}")
			.thenReply("It is sunny.")
			.thenFail(RunErrorCode.RATE_LIMIT_EXCEEDED, "Slow down")
			.then((context) -> Mono.just(Reply.text(Flux.just("dyn", "amic"))));
		assertThat(responder.remaining()).isEqualTo(4);
		StepVerifier.create(Flux.range(0, 4).concatMap((i) -> responder.respond(this.context)))
			.assertNext((reply) -> assertThat(((Reply.FunctionCalls) reply).calls())
				.containsExactly(new Reply.FunctionCall("get_weather", "{}")))
			.assertNext((reply) -> StepVerifier.create(((Reply.Text) reply).chunks())
				.expectNext("It", " is", " sunny.")
				.verifyComplete())
			.assertNext((reply) -> assertThat(reply).isEqualTo(Reply.failure(RunErrorCode.RATE_LIMIT_EXCEEDED,
					"Slow down")))
			.assertNext((reply) -> StepVerifier.create(((Reply.Text) reply).chunks())
				.expectNext("dyn", "amic")
				.verifyComplete())
			.expectComplete()
			.verify();
		assertThat(responder.remaining()).isZero();
		assertThat(responder.contexts()).hasSize(4).containsOnly(this.context);
	}

	@Test
	void failsTheRunOnceTheScriptIsUsedUp() {
		StepVerifier.create(new ScriptedResponder().respond(this.context))
			.assertNext((reply) -> {
				Reply.Failure failure = (Reply.Failure) reply;
				assertThat(failure.code()).isEqualTo(RunErrorCode.SERVER_ERROR);
				assertThat(failure.message()).contains("no reply left for run run_1");
			})
			.expectComplete()
			.verify();
	}

	@Test
	void answersWithItsFallbackOnceTheScriptIsUsedUp() {
		ScriptedResponder responder = new ScriptedResponder().thenReply("Scripted").otherwise(new DefaultResponder());
		StepVerifier.create(Flux.range(0, 2)
				.concatMap((i) -> responder.respond(this.context))
				.concatMap((reply) -> ((Reply.Text) reply).chunks().reduce(String::concat)))
			.expectNext("Scripted", "[emulator] You said: Hi")
			.expectComplete()
			.verify();
	}

	@Test
	void splitsATextIntoWordsKeepingTheSpaceBeforeEach() {
		StepVerifier.create(Reply.text("  Hello,  big\nworld ").chunks())
			.expectNext("  Hello,", "  big", "\nworld", " ")
			.expectComplete()
			.verify();
	}

	@Test
	void refusesAnEmptyCallOrUnnamedFunction() {
		assertThatIllegalArgumentException().isThrownBy(() -> Reply.functionCalls(List.of()))
			.withMessageContaining("'calls'");
		assertThatIllegalArgumentException().isThrownBy(() -> Reply.functionCall(" ", "{}"))
			.withMessageContaining("'name'");
	}

}
