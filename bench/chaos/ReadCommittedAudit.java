// The fault run's independent reader: Kafka's own Java consumer, isolation.level=read_committed, as an
// agency's client reads. Prints "topic<TAB>partition<TAB>offset<TAB>ce_id" for every record of the
// given topics, from the beginning to each partition's last stable offset (read_committed
// endOffsets), then exits. Run in source-file mode: java -cp "<kafka jars>" ReadCommittedAudit.java
// <bootstrap> <topic>...
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

public class ReadCommittedAudit {
  public static void main(String[] args) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = new ArrayList<>();
      for (int i = 1; i < args.length; i++)
        for (PartitionInfo info : c.partitionsFor(args[i], Duration.ofSeconds(30)))
          parts.add(new TopicPartition(info.topic(), info.partition()));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
      StringBuilder out = new StringBuilder();
      long deadline = System.currentTimeMillis() + 180_000;
      while (parts.stream().anyMatch(tp -> c.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
        if (System.currentTimeMillis() > deadline) throw new IllegalStateException("did not reach the end of every partition in 180 s");
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          Header id = r.headers().lastHeader("ce_id");
          out.append(r.topic()).append('\t').append(r.partition()).append('\t').append(r.offset()).append('\t')
              .append(id == null ? "" : new String(id.value(), StandardCharsets.UTF_8)).append('\n');
        }
        System.out.print(out);
        out.setLength(0);
      }
      System.out.flush();
    }
  }
}
