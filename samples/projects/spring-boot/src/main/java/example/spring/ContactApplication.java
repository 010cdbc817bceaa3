package example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service that tells whether a person can be notified digitally, from KRR. */
@SpringBootApplication
public class ContactApplication {
  public static void main(String[] args) {
    SpringApplication.run(ContactApplication.class, args);
  }
}
