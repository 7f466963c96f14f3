package dev.phoenix.yaml;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * A YAML parser that stops at the first anchor or alias, wherever it stands. Jackson reports an
 * anchor on a map or a list as an object id but drops one on a scalar value, so a check of its
 * tokens alone let {@code a: &x 1} through; this looks at every event of the underlying parser.
 */
final class AnchorFreeParser extends YAMLParser {
  /** Raised out of the parser at the first anchor or alias; {@link SafeYaml} turns it into its message. */
  static final class AnchorFound extends IOException {
    final int line;

    AnchorFound(int line) {
      super("anchor or alias at line " + line);
      this.line = line;
    }
  }

  /** The factory {@link SafeYaml} parses byte arrays with. */
  static final class Factory extends YAMLFactory {
    Factory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
      return new AnchorFreeParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec,
          _createReader(data, offset, len, null, ctxt));
    }
  }

  private AnchorFreeParser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options,
      com.fasterxml.jackson.core.ObjectCodec codec, Reader reader) {
    super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
  }

  @Override
  protected Event getEvent() throws IOException {
    Event event = super.getEvent();
    if (event instanceof AliasEvent || (event instanceof NodeEvent node && node.getAnchor() != null)) {
      throw new AnchorFound(event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1);
    }
    return event;
  }
}
