package dev.migration.slices;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application that reads its tables with JdbcClient, Spring Data JDBC and JPA, all built by revisions. */
@SpringBootApplication
public class SliceApplication {

	public static void main(String[] args) {
		SpringApplication.run(SliceApplication.class, args);
	}

}
