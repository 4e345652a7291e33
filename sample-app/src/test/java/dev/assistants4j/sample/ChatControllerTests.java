package dev.assistants4j.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.util.function.Tuple2;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.assistants4j.sample.ChatController.AssistantChoice;

import static org.assertj.core.api.Assertions.assertThat;

// The emulator explicitly, whatever the developer's OPENAI_ASSISTANTS_* variables; its chunks slow enough to
// tell a streamed answer from one sent whole at the end.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "openai.assistants.emulator.enabled=true", "openai.assistants.emulator.step-delay=1ms",
				"openai.assistants.emulator.chunk-delay=100ms", "sample.demos=" })
class ChatControllerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, String>>> EVENT = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void bindToServer() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(TIMEOUT)
			.build();
	}

	@Test
	void streamsTheAnswerPieceByPieceBeforeTheRunCompletes() {
		String assistantId = createAssistant(false);
		Chat chat = chat(assistantId, null, "Hello there");
		assertThat(chat.deltas()).hasSizeGreaterThan(1);
		assertThat(String.join("", chat.deltas())).isEqualTo("[emulator] You said: Hello there");
		// Five words 100ms apart: a server that held the pieces until the end would send them all at once.
		assertThat(chat.firstDeltaToDone()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void keepsTheConversationOnTheThreadThePageSendsBack() {
		String assistantId = createAssistant(false);
		Chat first = chat(assistantId, null, "First");
		Chat second = chat(assistantId, first.threadId(), "Second");
		assertThat(second.threadId()).isEqualTo(first.threadId());
		assertThat(String.join("", second.deltas())).isEqualTo("[emulator] You said: Second");
	}

	@Test
	void answersFunctionCallsWithTheApplicationsFunctions() {
		String assistantId = createAssistant(true);
		Chat chat = chat(assistantId, null, "Weather in Paris?");
		assertThat(String.join("", chat.deltas())).isEqualTo("[emulator] get_weather returned "
				+ "{\"location\":\"Paris\",\"temperature_celsius\":18,\"conditions\":\"partly cloudy\"}.");
	}

	@Test
	void listsTheAssistantsToPickFrom() {
		String assistantId = createAssistant(false);
		this.client.get()
			.uri("/api/assistants")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(AssistantChoice.class)
			.value((choices) -> assertThat(choices).contains(new AssistantChoice(assistantId, "Page assistant")));
	}

	@Test
	void sendsAFailureEventForAnUnknownAssistant() {
		Flux<ServerSentEvent<Map<String, String>>> events = this.client.get()
			.uri("/api/chat?assistantId=asst_missing&message=Hi")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
		StepVerifier.create(events)
			.assertNext((event) -> assertThat(event.event()).isEqualTo("thread"))
			.assertNext((event) -> {
				assertThat(event.event()).isEqualTo("failure");
				assertThat(event.data()).containsKey("text");
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void servesTheChatPage() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<title>assistants4j chat</title>")
				.contains("new EventSource('api/chat?'"));
	}

	private String createAssistant(boolean functions) {
		AssistantChoice created = this.client.post()
			.uri("/api/assistants")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Page assistant", "instructions", "Be brief.", "functions", functions))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(AssistantChoice.class)
			.returnResult()
			.getResponseBody();
		assertThat(created).isNotNull();
		assertThat(created.name()).isEqualTo("Page assistant");
		return created.id();
	}

	private Chat chat(String assistantId, @Nullable String threadId, String message) {
		Flux<Tuple2<Long, ServerSentEvent<Map<String, String>>>> events = this.client.get()
			.uri((uri) -> uri.path("/api/chat")
				.queryParam("assistantId", assistantId)
				.queryParamIfPresent("threadId", Optional.ofNullable(threadId))
				.queryParam("message", message)
				.build())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.timestamp();
		List<String> deltas = new ArrayList<>();
		String[] thread = new String[1];
		long[] firstDeltaAt = new long[1];
		long[] doneAt = new long[1];
		StepVerifier.create(events).assertNext((event) -> {
			assertThat(event.getT2().event()).isEqualTo("thread");
			thread[0] = event.getT2().data().get("text");
		}).thenConsumeWhile((event) -> "delta".equals(event.getT2().event()), (event) -> {
			if (deltas.isEmpty()) {
				firstDeltaAt[0] = event.getT1();
			}
			deltas.add(event.getT2().data().get("text"));
		}).assertNext((event) -> {
			assertThat(event.getT2().event()).isEqualTo("done");
			doneAt[0] = event.getT1();
		}).expectComplete().verify(TIMEOUT);
		return new Chat(thread[0], deltas, Duration.ofMillis(doneAt[0] - firstDeltaAt[0]));
	}

	private record Chat(String threadId, List<String> deltas, Duration firstDeltaToDone) {
	}

}
