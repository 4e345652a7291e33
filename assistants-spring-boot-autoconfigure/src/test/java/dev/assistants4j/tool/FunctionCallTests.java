package dev.assistants4j.tool;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FunctionCallTests {

	record Weather(String city, String unit) {
	}

	private final FunctionCall call = new FunctionCall("call_1", "get_weather",
			"{\"city\":\"Tokyo\",\"unit\":\"celsius\",\"days\":[1,2],\"detail\":{\"wind\":true}}");

	@Test
	void argumentsReadAsAMapOfJsonValues() {
		assertThat(this.call.argumentsAsMap()).containsExactly(Map.entry("city", "Tokyo"),
				Map.entry("unit", "celsius"), Map.entry("days", List.of(1, 2)),
				Map.entry("detail", Map.of("wind", true)));
	}

	@Test
	void argumentsReadAsATree() {
		assertThat(this.call.argumentsTree().get("detail").get("wind").asBoolean()).isTrue();
	}

	@Test
	void argumentsReadIntoARecordIgnoringWhatItDoesNotHold() {
		assertThat(this.call.argumentsAs(Weather.class)).isEqualTo(new Weather("Tokyo", "celsius"));
	}

	@Test
	void blankArgumentsReadAsAnEmptyObject() {
		FunctionCall none = new FunctionCall("call_1", "now", " ");
		assertThat(none.argumentsAsMap()).isEmpty();
		assertThat(none.argumentsTree().isObject()).isTrue();
		assertThat(none.argumentsTree().isEmpty()).isTrue();
	}

	@Test
	void argumentsThatAreNotJsonFailWithTheFunctionsName() {
		FunctionCall cut = new FunctionCall("call_1", "get_weather", "{\"city\":\"Tok");
		assertThatIllegalArgumentException().isThrownBy(cut::argumentsAsMap)
			.withMessageStartingWith("The arguments of get_weather are not valid: ");
		assertThatIllegalArgumentException().isThrownBy(cut::argumentsTree)
			.withMessageStartingWith("The arguments of get_weather are not valid: ");
	}

	@Test
	void argumentsOfAnotherShapeFail() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FunctionCall("call_1", "f", "[1,2]").argumentsAsMap())
			.withMessage("The arguments of f are not valid: null or not of the expected shape");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FunctionCall("call_1", "f", "null").argumentsAsMap())
			.withMessage("The arguments of f are not valid: null or not of the expected shape");
	}

	@Test
	void nullComponentsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FunctionCall("call_1", "f", null))
			.withMessage("'arguments' must not be null");
	}

}
