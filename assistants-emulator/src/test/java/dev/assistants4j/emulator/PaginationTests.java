package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.emulator.responder.RunContext;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.thread.CreateThreadRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cursor pagination as the service pages: newest first by default, {@code limit}, {@code after} and
 * {@code before} cursors, {@code first_id}, {@code last_id} and {@code has_more}.
 */
class PaginationTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension();

	/** Five assistants, oldest first. */
	private static List<String> ids;

	private final AssistantsClient client = emulator.client();

	@BeforeAll
	static void createFiveAssistants() {
		AssistantsClient client = emulator.client();
		ids = IntStream.range(0, 5)
			.mapToObj((i) -> client.assistants()
				.create(CreateAssistantRequest.builder("gpt-4o").name("a" + i).build())
				.block(TIMEOUT)
				.id())
			.toList();
	}

	@Test
	void listsNewestFirstByDefault() {
		StepVerifier.create(this.client.assistants().listPage(ListParams.none()))
			.assertNext((page) -> {
				assertThat(page.data()).extracting(Assistant::id).containsExactly(ids.get(4), ids.get(3), ids.get(2),
						ids.get(1), ids.get(0));
				assertThat(page.firstId()).isEqualTo(ids.get(4));
				assertThat(page.lastId()).isEqualTo(ids.get(0));
				assertThat(page.hasMore()).isFalse();
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void pagesForwardFromTheLastIdUntilThereIsNoMore() {
		Page<Assistant> first = page(ListParams.builder().limit(2).build());
		assertThat(first.data()).extracting(Assistant::id).containsExactly(ids.get(4), ids.get(3));
		assertThat(first.hasMore()).isTrue();
		Page<Assistant> second = page(ListParams.builder().limit(2).after(first.lastId()).build());
		assertThat(second.data()).extracting(Assistant::id).containsExactly(ids.get(2), ids.get(1));
		assertThat(second.hasMore()).isTrue();
		Page<Assistant> third = page(ListParams.builder().limit(2).after(second.lastId()).build());
		assertThat(third.data()).extracting(Assistant::id).containsExactly(ids.get(0));
		assertThat(third.hasMore()).isFalse();
	}

	@Test
	void pagesInAscendingOrder() {
		Page<Assistant> page = page(ListParams.builder().order(SortOrder.ASC).limit(3).after(ids.get(0)).build());
		assertThat(page.data()).extracting(Assistant::id).containsExactly(ids.get(1), ids.get(2), ids.get(3));
		assertThat(page.firstId()).isEqualTo(ids.get(1));
		assertThat(page.lastId()).isEqualTo(ids.get(3));
		assertThat(page.hasMore()).isTrue();
	}

	@Test
	void pagesBackwardBeforeACursorKeepingTheNearestObjects() {
		Page<Assistant> page = page(ListParams.builder().limit(2).before(ids.get(1)).build());
		assertThat(page.data()).extracting(Assistant::id).containsExactly(ids.get(3), ids.get(2));
		assertThat(page.hasMore()).isTrue();
		Page<Assistant> between = page(ListParams.builder().after(ids.get(4)).before(ids.get(1)).build());
		assertThat(between.data()).extracting(Assistant::id).containsExactly(ids.get(3), ids.get(2));
		assertThat(between.hasMore()).isFalse();
	}

	@Test
	void listsNothingAfterACursorThatNamesNoObject() {
		Page<Assistant> page = page(ListParams.builder().after("asst_unknown").build());
		assertThat(page.data()).isEmpty();
		assertThat(page.firstId()).isNull();
		assertThat(page.hasMore()).isFalse();
	}

	@Test
	void letsTheClientPageThroughEverything() {
		StepVerifier.create(this.client.assistants().list(ListParams.builder().limit(2).order(SortOrder.ASC).build())
				.map(Assistant::id)
				.filter(ids::contains))
			.expectNextSequence(ids)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void writesTheListObjectAsTheServiceDoes() {
		RawExchange answer = RawExchange.of(RawExchange.client(emulator.emulator()).get().uri("/assistants?limit=1"));
		assertThat(answer.json().get("object").stringValue()).isEqualTo("list");
		assertThat(answer.json().get("data").size()).isOne();
		assertThat(answer.json().get("has_more").booleanValue()).isTrue();
	}

	@Test
	void pagesTheMessagesOfAThread() {
		CreateThreadRequest.Builder thread = CreateThreadRequest.builder();
		IntStream.range(0, 25).forEach((i) -> thread.addMessage(CreateMessageRequest.user("m" + i)));
		String threadId = this.client.threads().create(thread.build()).block(TIMEOUT).id();
		StepVerifier.create(this.client.messages().listPage(threadId, MessageListParams.none()))
			.assertNext((page) -> {
				assertThat(page.data()).hasSize(20);
				assertThat(page.hasMore()).isTrue();
			})
			.expectComplete()
			.verify(TIMEOUT);
		List<Message> all = this.client.messages()
			.list(threadId, MessageListParams.builder().order(SortOrder.ASC).build())
			.collectList()
			.block(TIMEOUT);
		assertThat(all).extracting(RunContext::textOf)
			.containsExactlyElementsOf(IntStream.range(0, 25).mapToObj((i) -> "m" + i).toList());
	}

	private Page<Assistant> page(ListParams params) {
		return this.client.assistants().listPage(params).block(TIMEOUT);
	}

}
