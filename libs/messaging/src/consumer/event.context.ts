import { BaseRpcContext } from '@nestjs/microservices';
import { CloudEvent } from '../messaging.cloud-event';

export interface EventCoordinates {
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

/** What an @EventPattern handler may know besides the event: where it came from and which attempt this is. */
export class EventContext extends BaseRpcContext<[CloudEvent, EventCoordinates]> {
  get event(): CloudEvent {
    return this.args[0];
  }
  get coordinates(): EventCoordinates {
    return this.args[1];
  }
}
